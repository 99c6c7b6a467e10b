package com.example.jpa;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationProvider;
import dev.godwit.runtime.TableSchema;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The online migrations of the {@code vets} table of {@link Vet}. Run them in the order of
 * {@link #all()}; each is done only when its verification in {@link VetVerification} finds no row
 * left.
 *
 * <p>Every migration here is a backfill, in the migrate phase.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
public final class VetMigrations implements MigrationProvider {
  /**
   * For {@code ServiceLoader}; the migrations themselves are static methods.
   */
  public VetMigrations() {
  }

  /**
   * Fills {@code displayName} with {@code Vet.displayNameOf},
   * on the rows where {@code display_name} is NULL.
   *
   * @return the migration {@code clinic.vets.backfillDisplayName}
   */
  public static Migration<Vet> backfillDisplayName() {
    return Migration.on(VetTable.TABLE, "clinic.vets.backfillDisplayName")
        .range(VetTable.DISPLAY_NAME.isNull())
        .verifiedBy(VetVerification.backfillDisplayName())
        .migrateOne((context, vet) ->
            VetTable.patch().displayName(Objects.requireNonNull(Vet.displayNameOf(vet),
            "Vet.displayNameOf returned null, so this row would keep no displayName")));
  }

  /**
   * Fills {@code rank} with the constant {@code JUNIOR},
   * on the rows where {@code rank} is NULL.
   *
   * @return the migration {@code clinic.vets.backfillRank}
   */
  public static Migration<Vet> backfillRank() {
    return Migration.on(VetTable.TABLE, "clinic.vets.backfillRank")
        .range(VetTable.RANK.isNull())
        .verifiedBy(VetVerification.backfillRank())
        .migrateInDatabase(VetTable.RANK.setTo(Rank.JUNIOR));
  }

  /**
   * Every migration of the table, in the order they must run: a clear runs after every
   * backfill that reads the field it clears.
   *
   * <p>In order, with each one's phase:
   * {@link #backfillDisplayName()} (migrate),
   * {@link #backfillRank()} (migrate).
   *
   * @return the migrations
   */
  public static List<Migration<Vet>> all() {
    return List.of(backfillDisplayName(), backfillRank());
  }

  @Override
  public List<Migration<?>> migrations() {
    return List.copyOf(all());
  }

  @Override
  public List<TableSchema<?>> schemas() {
    return List.of(VetTable.SCHEMA);
  }
}
