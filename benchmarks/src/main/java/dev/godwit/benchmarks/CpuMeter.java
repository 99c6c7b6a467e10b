package dev.godwit.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Where the CPU went during a run: the whole machine's busy time (Linux {@code /proc/stat}: every
 * process, other builds included), this JVM's (the strategy, the concurrent writer, the collector),
 * and the database server's processes ({@code /proc/<pid>/stat} of the server's main process and its
 * children, with the time of children that exited and were reaped, as proc(5) describes
 * {@code cutime} and {@code cstime}). Off Linux, or without a server process, those figures are
 * absent.
 */
final class CpuMeter {

  /**
   * Clock ticks per second of {@code /proc}'s counters ({@code USER_HZ}); 100 on every Linux
   * architecture the harness runs on (proc(5), {@code getconf CLK_TCK}).
   */
  private static final double TICKS_PER_SECOND = 100;

  private static final Path PROC = Path.of("/proc");

  private final OptionalLong serverPid;

  /**
   * Measures the machine, this JVM and, if there is one, a server process and its children.
   *
   * @param serverPid the server's main process (PostgreSQL's postmaster, MariaDB's mysqld)
   */
  CpuMeter(OptionalLong serverPid) {
    this.serverPid = serverPid;
  }

  /**
   * The counters now.
   *
   * @param nanos when, on {@link System#nanoTime()}'s clock
   * @param machineBusyTicks ticks of every core not idle (nor waiting for IO) since boot; -1 unknown
   * @param machineTotalTicks ticks of every core since boot; -1 unknown
   * @param jvmCpuNanos this JVM's CPU time, every thread; -1 unknown
   * @param serverTicks the server processes' CPU ticks; -1 unknown
   */
  record Sample(long nanos, long machineBusyTicks, long machineTotalTicks, long jvmCpuNanos,
      long serverTicks) {}

  /**
   * What was used between two samples.
   *
   * @param seconds elapsed
   * @param machineBusyCores the machine's busy time over elapsed time: cores kept busy on average,
   *     by every process; NaN unknown
   * @param cores the cores the machine has
   * @param jvmCpuSeconds this JVM's CPU time; NaN unknown
   * @param serverCpuSeconds the database server's CPU time; NaN unknown
   */
  record Usage(double seconds, double machineBusyCores, int cores, double jvmCpuSeconds,
      double serverCpuSeconds) {

    /** Cores this JVM kept busy on average. */
    double jvmCores() {
      return jvmCpuSeconds / seconds;
    }

    /** Cores the server kept busy on average. */
    double serverCores() {
      return serverCpuSeconds / seconds;
    }

    /**
     * Cores kept busy by neither this JVM nor the server: other processes on the machine. Never
     * below zero: the machine's counters move in whole ticks (10 ms), the JVM's in nanoseconds, so
     * over a short run the difference can come out slightly negative.
     */
    double otherCores() {
      return Math.max(0, machineBusyCores - jvmCores()
          - (Double.isNaN(serverCpuSeconds) ? 0 : serverCores()));
    }
  }

  /** The counters now. */
  Sample sample() {
    long[] machine = machineTicks();
    return new Sample(System.nanoTime(), machine[0], machine[1], jvmCpuNanos(),
        serverPid.isPresent() ? treeTicks(serverPid.getAsLong()) : -1);
  }

  /** What was used from {@code start} to now. */
  Usage since(Sample start) {
    Sample end = sample();
    double seconds = (end.nanos() - start.nanos()) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    double busy = start.machineTotalTicks() < 0 || end.machineTotalTicks() <= start.machineTotalTicks()
        ? Double.NaN
        : cores * (double) (end.machineBusyTicks() - start.machineBusyTicks())
            / (end.machineTotalTicks() - start.machineTotalTicks());
    double jvm = start.jvmCpuNanos() < 0 ? Double.NaN
        : (end.jvmCpuNanos() - start.jvmCpuNanos()) / 1e9;
    double server = start.serverTicks() < 0 || end.serverTicks() < 0 ? Double.NaN
        : (end.serverTicks() - start.serverTicks()) / TICKS_PER_SECOND;
    return new Usage(seconds, busy, cores, jvm, server);
  }

  /**
   * The parent of a process.
   *
   * @return its parent's id, or empty off Linux or if it is gone
   */
  static OptionalLong parentOf(long pid) {
    String[] fields = statFields(pid);
    return fields == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[1]));
  }

  private static long[] machineTicks() {
    try {
      List<String> lines = Files.readAllLines(PROC.resolve("stat"));
      // cpu user nice system idle iowait irq softirq steal guest guest_nice (proc(5)); guest time
      // is already counted in user and nice
      String[] fields = lines.get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  private static long jvmCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  /** Ticks of a process, its reaped children and its live children; -1 if it is gone. */
  private static long treeTicks(long root) {
    String[] rootFields = statFields(root);
    if (rootFields == null) {
      return -1;
    }
    long ticks = ticks(rootFields);
    try (Stream<Path> processes = Files.list(PROC)) {
      for (Path process : processes.toList()) {
        String name = process.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == root) {
          continue;
        }
        String[] fields = statFields(Long.parseLong(name));
        if (fields != null && Long.parseLong(fields[1]) == root) {
          ticks += ticks(fields);
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks;
  }

  /** utime + stime + cutime + cstime (proc(5) fields 14 to 17). */
  private static long ticks(String[] fields) {
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
        + Long.parseLong(fields[14]);
  }

  /**
   * The fields of {@code /proc/<pid>/stat} after the command's name (which may hold spaces, so the
   * line is cut after its last parenthesis): index 0 is the state, 1 the parent.
   */
  private static String[] statFields(long pid) {
    try {
      String line = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      return line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
