package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.internal.jdbc.Errors;
import dev.godwit.runtime.spi.Dialect;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a transaction that hit a serialization failure, a deadlock or a lock timeout, with
 * exponential backoff and jitter so that conflicting runners do not collide again in step.
 */
public final class Retrier {

  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
  private static final long FIRST_DELAY_MILLIS = 10;
  private static final long MAX_DELAY_MILLIS = 2_000;

  /** One attempt; it must leave nothing behind when it fails (roll back its transaction). */
  @FunctionalInterface
  public interface Attempt<R> {
    R run() throws SQLException, RowFailure;
  }

  private final Dialect dialect;
  private final String name;
  private final int maxRetries;
  /** Retries made so far; a retrier serves one run on one thread. */
  private long retries;

  public Retrier(Dialect dialect, String name, int maxRetries) {
    this.dialect = dialect;
    this.name = name;
    this.maxRetries = maxRetries;
  }

  public <R> R run(Attempt<R> attempt) throws SQLException, RowFailure {
    for (int retry = 0; ; retry++) {
      try {
        return attempt.run();
      } catch (SQLException | RowFailure | RuntimeException e) {
        if (retry >= maxRetries || !dialect.isTransient(e) || dialect.isConnectionFailure(e)) {
          throw e;
        }
        long delay = delay(retry);
        retries++;
        LOG.warn("Migration {}: transient conflict, retry {} of {} in {} ms: {}", name, retry + 1,
            maxRetries, delay, Errors.oneLine(e));
        sleep(delay);
      }
    }
  }

  /**
   * The retries this retrier has made, each counted as its backoff starts.
   *
   * @return zero or more
   */
  public long retries() {
    return retries;
  }

  /** Half the exponential delay, plus up to as much again at random. */
  public static long delay(int retry) {
    long exponential = Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << Math.min(retry, 20));
    return exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException(ErrorCode.INTERRUPTED,
          ErrorCode.INTERRUPTED.message(name, ErrorCode.WHILE_WAITING_TO_RETRY), e);
    }
  }
}
