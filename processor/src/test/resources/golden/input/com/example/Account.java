package com.example;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;

/**
 * An account in the deploy after its change: {@code plan} is narrowed (it keeps its {@code @Backfill}
 * and drops {@code @Widened}), {@code isPro}, which only that backfill still reads, is retiring and
 * gets a clear, {@code nickname} is deprecated, and the {@code legacy} column is declared removed.
 */
@MigratedTable(value = "accounts", removed = "legacy")
public record Account(
    @Id long id,
    String email,
    @Deprecated(forRemoval = true) Boolean isPro,
    @Backfill(method = "planOf") Plan plan,
    @Deprecated String nickname,
    int seats) {

  static Plan planOf(Account account) {
    return Boolean.TRUE.equals(account.isPro()) ? Plan.PRO : Plan.FREE;
  }
}
