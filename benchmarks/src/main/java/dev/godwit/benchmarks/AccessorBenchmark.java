package dev.godwit.benchmarks;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link DualReadBenchmark} under JMH: forked and warmed up, or briefly in-process when quick. */
final class AccessorBenchmark {

  /**
   * Nanoseconds per read of each accessor.
   *
   * @param generatedNanos the generated accessor
   * @param generatedError its 99.9% confidence half-interval
   * @param handWrittenNanos the hand-written one
   * @param handWrittenError its 99.9% confidence half-interval
   */
  record Result(double generatedNanos, double generatedError, double handWrittenNanos,
      double handWrittenError) {

    /** Generated over hand-written: 1 is the same speed. */
    double ratio() {
      return generatedNanos / handWrittenNanos;
    }
  }

  private final Settings settings;

  AccessorBenchmark(Settings settings) {
    this.settings = settings;
  }

  Result run() throws RunnerException {
    OptionsBuilder builder = new OptionsBuilder();
    builder.include(DualReadBenchmark.class.getName() + "\\.");
    if (settings.quick()) {
      builder.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
          .measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
    } else {
      builder.forks(3).warmupIterations(5).warmupTime(TimeValue.seconds(1))
          .measurementIterations(5).measurementTime(TimeValue.seconds(1));
    }
    Options options = builder.shouldFailOnError(true).build();
    Collection<RunResult> results = new Runner(options).run();
    double generated = Double.NaN;
    double generatedError = Double.NaN;
    double handWritten = Double.NaN;
    double handWrittenError = Double.NaN;
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      double score = result.getPrimaryResult().getScore();
      double error = result.getPrimaryResult().getScoreError();
      if (method.endsWith(".generated")) {
        generated = score;
        generatedError = error;
      } else if (method.endsWith(".handWritten")) {
        handWritten = score;
        handWrittenError = error;
      }
    }
    return new Result(generated, generatedError, handWritten, handWrittenError);
  }
}
