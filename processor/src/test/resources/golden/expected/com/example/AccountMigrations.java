package com.example;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationProvider;
import dev.godwit.runtime.Phase;
import dev.godwit.runtime.TableSchema;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The online migrations of the {@code accounts} table of {@link Account}. Run them in the order of
 * {@link #all()}; each is done only when its verification in {@link AccountVerification} finds no row
 * left.
 *
 * <p>Backfills belong to the migrate phase. Clears belong to the contract phase: they destroy
 * data, so a run of every migration leaves them out, and they run only on explicit request.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
@SuppressWarnings({"deprecation", "removal"})
public final class AccountMigrations implements MigrationProvider {
  /**
   * For {@code ServiceLoader}; the migrations themselves are static methods.
   */
  public AccountMigrations() {
  }

  /**
   * Fills {@code plan} with {@code Account.planOf},
   * on the rows where {@code plan} is NULL.
   *
   * @return the migration {@code accounts.backfillPlan}
   */
  public static Migration<Account> backfillPlan() {
    return Migration.on(AccountTable.TABLE, "accounts.backfillPlan")
        .range(AccountTable.PLAN.isNull())
        .verifiedBy(AccountVerification.backfillPlan())
        .migrateOne((context, account) ->
            AccountTable.patch().plan(Objects.requireNonNull(Account.planOf(account),
            "Account.planOf returned null, so this row would keep no plan")));
  }

  /**
   * Clears {@code isPro}, the old format, on every row, once the backfills reading it have run.
   * In the contract phase: it destroys data, and runs only on explicit request.
   * A row still lacking {@code plan} keeps its value, and the
   * verification reports it, so no data is lost.
   *
   * @return the migration {@code accounts.clearIsPro}
   */
  public static Migration<Account> clearIsPro() {
    return Migration.on(AccountTable.TABLE, "accounts.clearIsPro")
        .phase(Phase.CONTRACT)
        .range(AccountTable.IS_PRO.isNotNull().and(AccountTable.PLAN.isNotNull()))
        .verifiedBy(AccountVerification.clearIsPro())
        .migrateInDatabase(AccountTable.IS_PRO.setTo(null));
  }

  /**
   * Every migration of the table, in the order they must run: a clear runs after every
   * backfill that reads the field it clears.
   *
   * <p>In order, with each one's phase:
   * {@link #backfillPlan()} (migrate),
   * {@link #clearIsPro()} (contract, destroys data).
   *
   * @return the migrations
   */
  public static List<Migration<Account>> all() {
    return List.of(backfillPlan(), clearIsPro());
  }

  @Override
  public List<Migration<?>> migrations() {
    return List.copyOf(all());
  }

  @Override
  public List<TableSchema<?>> schemas() {
    return List.of(AccountTable.SCHEMA);
  }
}
