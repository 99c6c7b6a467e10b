package dev.godwit.runtime.internal.engine;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the runtime starts: daemons, so that a migration's helpers never keep the JVM alive,
 * named for what they do, so a thread dump says which migration they serve.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  /**
   * A factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ...
   *
   * @param prefix what the threads do, for example {@code "godwit-heartbeat-users.rename"}
   * @return the factory
   */
  public static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
