package dev.godwit.runtime.reliability;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Table;
import java.util.List;

/**
 * A profile whose name is moving from {@code full_name} (the old format) to {@code display_name} (the
 * new one, widened: null while a row is in the old format), as a rename is done online.
 */
record Profile(long id, String fullName, String displayName) {

  static final Column<Profile, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Profile, String> FULL_NAME = Column.of("full_name", ColumnType.STRING);
  static final Column<Profile, String> DISPLAY_NAME = Column.of("display_name", ColumnType.STRING);

  static final Table<Profile> TABLE = Table.of("profiles", ID, List.of(ID, FULL_NAME, DISPLAY_NAME),
      row -> new Profile(row.get(ID), row.get(FULL_NAME), row.get(DISPLAY_NAME)),
      profile -> Patch.of(Profile.TABLE).set(ID, profile.id()).set(FULL_NAME, profile.fullName())
          .set(DISPLAY_NAME, profile.displayName()));

  static final String BACKFILL = "profiles.backfillDisplayName";

  /** Copies the old name into the new column of every row in the old format, row by row. */
  static Migration<Profile> backfill(int batchSize) {
    return Migration.on(TABLE, BACKFILL)
        .batchSize(batchSize)
        .verifiedBy(DISPLAY_NAME.isNull())
        .migrateOne((ctx, profile) -> profile.displayName() == null
            ? Patch.of(TABLE).set(DISPLAY_NAME, profile.fullName()) : null);
  }

  /** The same copy, computed inside the database. */
  static Migration<Profile> backfillInDatabase(int batchSize) {
    return Migration.on(TABLE, BACKFILL)
        .batchSize(batchSize)
        .range(DISPLAY_NAME.isNull())
        .verifiedBy(DISPLAY_NAME.isNull())
        .migrateInDatabase(DISPLAY_NAME.copyOf(FULL_NAME));
  }
}
