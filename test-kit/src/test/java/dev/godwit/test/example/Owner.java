package dev.godwit.test.example;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;

/**
 * An owner in its deploy-1 form: {@code telephone} is renamed to {@code phone}. Its baseline, the
 * deploy-0 form with only {@code telephone}, is {@code src/test/godwit/owners.json}, which the test
 * build checks this form against.
 */
@MigratedTable("owners")
public record Owner(
    @Id long id,
    @Deprecated(forRemoval = true) String telephone,
    int visits,
    @Widened @Backfill(from = "telephone") String phone) {}
