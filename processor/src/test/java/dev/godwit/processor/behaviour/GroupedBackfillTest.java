package dev.godwit.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two backfills sharing one migration fill only what each row lacks, and keep what it has. */
class GroupedBackfillTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void fillsEachFieldOnlyWhereItIsMissing(TestDatabase kind) throws Exception {
    DataSource database = Rows.databaseWith(kind, ProfileTable.TABLE,
        Profile.of(1, "ace", null, null),
        Profile.of(2, "bo", "fr", null),
        Profile.of(3, "cee", null, "Cecilia"),
        Profile.of(4, null, "de", null),
        Profile.of(5, null, null, null),
        Profile.of(6, "fox", "es", "Fox"));
    Migrator migrator = Migrator.create(database);
    List<String> languages = List.of("en", "fr", "en", "de", "en", "es");
    List<String> displayNames = Arrays.asList("ace", "bo", "Cecilia", null, null, "Fox");
    List<Profile> before = Rows.all(database, ProfileTable.TABLE);
    assertEquals(languages, before.stream().map(ProfileDualRead::language).toList());
    assertEquals(displayNames, before.stream().map(ProfileDualRead::displayName).toList());
    assertFalse(ProfileMigrations.fillDefaults().inDatabase());
    assertEquals(4, migrator.verify(ProfileVerification.fillDefaults()).remaining());

    RunResult result = migrator.run(ProfileMigrations.fillDefaults());

    assertTrue(result.succeeded(), result.toString());
    assertTrue(migrator.verify(ProfileVerification.fillDefaults()).complete());
    List<Profile> after = Rows.all(database, ProfileTable.TABLE);
    assertEquals(languages, after.stream().map(Profile::getLanguage).toList());
    assertEquals(displayNames, after.stream().map(Profile::getDisplayName).toList());
  }
}
