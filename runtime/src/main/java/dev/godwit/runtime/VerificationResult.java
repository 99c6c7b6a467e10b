package dev.godwit.runtime;

import java.util.List;

/**
 * What a verification found.
 *
 * @param name the verification's name
 * @param remaining how many rows are still in the old format
 * @param sampleIds the ids of up to ten of those rows, in primary-key order
 */
public record VerificationResult(String name, long remaining, List<Object> sampleIds) {

  /** Copies the sample. */
  public VerificationResult {
    sampleIds = List.copyOf(sampleIds);
  }

  /**
   * Whether no row is left in the old format.
   *
   * @return {@code true} when {@link #remaining()} is zero
   */
  public boolean complete() {
    return remaining == 0;
  }
}
