package dev.godwit.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Migrator#apply(java.util.List, Phase, ApplyOptions)} applies a phase's schema steps.
 * Immutable; made by {@link #builder()}.
 *
 * <p>Every statement runs in a transaction of its own under a short lock timeout ({@link
 * #lockTimeout()}, per try): a DDL statement waiting for a table's lock queues every later writer of
 * that table behind it (PostgreSQL documentation, "Explicit Locking": lock requests are granted in
 * order), so it is better to give up quickly and try again than to wait behind a long application
 * transaction. A statement that times out is retried after an exponential backoff with jitter,
 * starting at {@link #initialBackoff()}, up to {@link #maxTries()} tries in all.
 *
 * <pre>{@code
 * migrator.apply(TeamTable.SCHEMA_LIST, Phase.NARROW,
 *     ApplyOptions.builder().lockTimeout(Duration.ofSeconds(1)).maxTries(20).build());
 * }</pre>
 */
public final class ApplyOptions {

  /** The lock timeout when none is set: how long one try of a statement waits for a lock. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);

  /** The tries of a statement when none is set, the first included. */
  public static final int DEFAULT_MAX_TRIES = 10;

  /** The wait before the second try when none is set; each later wait doubles, up to a minute. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);

  private static final ApplyOptions DEFAULTS = builder().build();

  private final boolean dryRun;
  private final Duration lockTimeout;
  private final int maxTries;
  private final Duration initialBackoff;

  private ApplyOptions(Builder builder) {
    this.dryRun = builder.dryRun;
    this.lockTimeout = builder.lockTimeout;
    this.maxTries = builder.maxTries;
    this.initialBackoff = builder.initialBackoff;
  }

  /**
   * The defaults: not a dry run, a lock timeout of 2 seconds, {@value #DEFAULT_MAX_TRIES} tries, a
   * first backoff of 200 milliseconds.
   *
   * @return the default options
   */
  public static ApplyOptions defaults() {
    return DEFAULTS;
  }

  /**
   * The defaults, as a dry run: the steps are planned and their guards checked, and no statement
   * runs.
   *
   * @return dry-run options
   */
  public static ApplyOptions dryRun() {
    return builder().dryRun(true).build();
  }

  /**
   * A builder holding the {@linkplain #defaults() defaults}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether only to plan and check the guards, running no statement.
   *
   * @return {@code true} for a dry run
   */
  public boolean isDryRun() {
    return dryRun;
  }

  /**
   * How long one try of a statement waits for a lock before it gives up.
   *
   * @return a positive duration, whole milliseconds
   */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /**
   * How many times a statement is tried in all when it keeps timing out waiting for a lock.
   *
   * @return at least 1
   */
  public int maxTries() {
    return maxTries;
  }

  /**
   * The wait before the second try; each later wait doubles (up to a minute), and a random part of
   * up to half of it is added so that appliers do not collide in step.
   *
   * @return a duration, zero or more
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  @Override
  public String toString() {
    return "ApplyOptions[dryRun=" + dryRun + ", lockTimeout=" + lockTimeout + ", maxTries="
        + maxTries + ", initialBackoff=" + initialBackoff + "]";
  }

  /** Builds {@link ApplyOptions}; every setting starts at its default. */
  public static final class Builder {
    private boolean dryRun;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private int maxTries = DEFAULT_MAX_TRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;

    private Builder() {}

    /**
     * Whether only to plan and check the guards, running no statement.
     *
     * @param dryRun {@code true} for a dry run; {@code false} by default
     * @return this builder
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /**
     * How long one try of a statement waits for a lock.
     *
     * @param timeout at least one millisecond and at most a day; 2 seconds by default
     * @return this builder
     * @throws IllegalArgumentException if it is shorter or longer
     */
    public Builder lockTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException(
            "the lock timeout must be between 1 millisecond and a day, not " + timeout);
      }
      this.lockTimeout = Duration.ofMillis(timeout.toMillis());
      return this;
    }

    /**
     * How many times a statement is tried in all.
     *
     * @param tries at least 1; {@value #DEFAULT_MAX_TRIES} by default
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1
     */
    public Builder maxTries(int tries) {
      if (tries < 1) {
        throw new IllegalArgumentException("a statement must be tried at least once, not " + tries);
      }
      this.maxTries = tries;
      return this;
    }

    /**
     * The wait before the second try.
     *
     * @param backoff zero or more; 200 milliseconds by default
     * @return this builder
     * @throws IllegalArgumentException if it is negative
     */
    public Builder initialBackoff(Duration backoff) {
      Objects.requireNonNull(backoff, "backoff");
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("the backoff cannot be negative, not " + backoff);
      }
      this.initialBackoff = backoff;
      return this;
    }

    /**
     * The options.
     *
     * @return new options
     */
    public ApplyOptions build() {
      return new ApplyOptions(this);
    }
  }
}
