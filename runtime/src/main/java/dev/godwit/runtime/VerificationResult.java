package dev.godwit.runtime;

import java.util.List;

/**
 * What a verification found.
 *
 * @param name the verification's name
 * @param remaining how many rows are still in the old format
 * @param sampleIds the keys of up to ten of those rows, in key order: each the value of a
 *     single-column key, or, for a composite key, an immutable {@code List<Object>} of the key
 *     values in key order
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
