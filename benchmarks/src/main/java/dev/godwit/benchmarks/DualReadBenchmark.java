package dev.godwit.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The generated dual-read accessor {@code TeamDualRead.plan} against the same read written by hand,
 * over teams half migrated and half not, in an order the branch predictor cannot learn.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DualReadBenchmark {

  /** Teams read per invocation. */
  static final int TEAMS = 1024;

  private Team[] teams;

  /** Builds the teams, the same for both benchmarks. */
  @Setup
  public void createTeams() {
    Random random = new Random(42);
    teams = new Team[TEAMS];
    for (int i = 0; i < TEAMS; i++) {
      boolean pro = random.nextBoolean();
      Plan plan = random.nextBoolean() ? null : pro ? Plan.PRO : Plan.FREE;
      teams[i] = new Team(i, "team " + i, pro, 0, plan, null);
    }
  }

  /**
   * The generated accessor.
   *
   * @param blackhole keeps the result alive
   */
  @Benchmark
  @OperationsPerInvocation(TEAMS)
  public void generated(Blackhole blackhole) {
    for (Team team : teams) {
      blackhole.consume(TeamDualRead.plan(team));
    }
  }

  /**
   * The hand-written read.
   *
   * @param blackhole keeps the result alive
   */
  @Benchmark
  @OperationsPerInvocation(TEAMS)
  public void handWritten(Blackhole blackhole) {
    for (Team team : teams) {
      blackhole.consume(HandWrittenDualRead.plan(team));
    }
  }
}
