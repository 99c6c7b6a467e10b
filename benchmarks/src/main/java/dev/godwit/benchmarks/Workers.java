package dev.godwit.benchmarks;

import dev.godwit.runtime.RunOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Several workers on one migration, as far as this build of the runtime offers them: {@code
 * RunOptions.withWorkers(int)} where it exists. Looked up once, so that the harness builds and runs
 * against a runtime with or without it and reports the worker rows it cannot measure as such. One
 * worker is the runtime's single runner, always available.
 */
final class Workers {

  private static final Optional<Method> WITH_WORKERS = find();

  private Workers() {}

  private static Optional<Method> find() {
    try {
      return Optional.of(RunOptions.class.getMethod("withWorkers", int.class));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether a run with this many workers can be measured in this build.
   *
   * @param workers 1 or more
   */
  static boolean available(int workers) {
    return workers == 1 || WITH_WORKERS.isPresent();
  }

  /**
   * The options with this many workers.
   *
   * @param workers 1 or more
   * @throws IllegalStateException if the runtime has no workers and more than one is asked for
   */
  static RunOptions apply(RunOptions options, int workers) {
    if (WITH_WORKERS.isEmpty()) {
      if (workers == 1) {
        return options;
      }
      throw new IllegalStateException("this build's RunOptions has no withWorkers(int); run "
          + workers + " workers on a runtime that has it");
    }
    try {
      return (RunOptions) WITH_WORKERS.get().invoke(options, workers);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime
          : new IllegalStateException(e.getCause());
    }
  }
}
