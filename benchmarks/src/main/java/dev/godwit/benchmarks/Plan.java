package dev.godwit.benchmarks;

/** The plan a team pays for: what the benchmark's Java-method backfill computes from {@code is_pro}. */
public enum Plan {
  /** A team without the professional features. */
  FREE,
  /** A team that had {@code is_pro} set. */
  PRO
}
