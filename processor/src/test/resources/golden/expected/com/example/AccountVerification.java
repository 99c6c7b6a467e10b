package com.example;

import dev.godwit.runtime.Verification;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The verifications of the migrations of {@link Account}: which rows of {@code accounts} are still in the
 * old format. Run one with {@code Migrator.verify}; a migration records success only once its
 * verification finds no row left.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
@SuppressWarnings({"deprecation", "removal"})
public final class AccountVerification {
  private AccountVerification() {
  }

  /**
   * The rows {@code accounts.backfillPlan} has still to change:
   * rows where {@code plan} is NULL.
   *
   * @return the verification
   */
  public static Verification<Account> backfillPlan() {
    return Verification.of(AccountTable.TABLE, "accounts.backfillPlan", AccountTable.PLAN.isNull());
  }

  /**
   * The rows {@code accounts.clearIsPro} has still to change:
   * rows where {@code is_pro} is not NULL.
   *
   * @return the verification
   */
  public static Verification<Account> clearIsPro() {
    return Verification.of(AccountTable.TABLE, "accounts.clearIsPro",
        AccountTable.IS_PRO.isNotNull());
  }

  /**
   * Every verification above, in the order their migrations run.
   *
   * @return the verifications
   */
  public static List<Verification<Account>> all() {
    return List.of(backfillPlan(), clearIsPro());
  }
}
