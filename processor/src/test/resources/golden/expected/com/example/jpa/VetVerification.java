package com.example.jpa;

import dev.godwit.runtime.Verification;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The verifications of the migrations of {@link Vet}: which rows of {@code vets} are still in the
 * old format. Run one with {@code Migrator.verify}; a migration records success only once its
 * verification finds no row left.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
public final class VetVerification {
  private VetVerification() {
  }

  /**
   * The rows {@code clinic.vets.backfillDisplayName} has still to change:
   * rows where {@code display_name} is NULL.
   *
   * @return the verification
   */
  public static Verification<Vet> backfillDisplayName() {
    return Verification.of(VetTable.TABLE, "clinic.vets.backfillDisplayName",
        VetTable.DISPLAY_NAME.isNull());
  }

  /**
   * The rows {@code clinic.vets.backfillRank} has still to change:
   * rows where {@code rank} is NULL.
   *
   * @return the verification
   */
  public static Verification<Vet> backfillRank() {
    return Verification.of(VetTable.TABLE, "clinic.vets.backfillRank", VetTable.RANK.isNull());
  }

  /**
   * Every verification above, in the order their migrations run.
   *
   * @return the verifications
   */
  public static List<Verification<Vet>> all() {
    return List.of(backfillDisplayName(), backfillRank());
  }
}
