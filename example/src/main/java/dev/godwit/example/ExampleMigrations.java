package dev.godwit.example;

import dev.godwit.example.model.ChunkTable;
import dev.godwit.example.model.Embedding;
import dev.godwit.example.model.EmbeddingTable;
import dev.godwit.example.model.Team;
import dev.godwit.example.model.TeamMigrations;
import dev.godwit.example.model.TeamTable;
import dev.godwit.example.model.User;
import dev.godwit.example.model.UserMigrations;
import dev.godwit.example.model.UserPreference;
import dev.godwit.example.model.UserPreferenceTable;
import dev.godwit.example.model.UserTable;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationProvider;
import dev.godwit.runtime.TableSchema;
import java.util.List;
import java.util.Locale;

/**
 * The example's hand-written migrations, for the changes annotations cannot say, the order in which
 * the demo runs them with the generated ones, and what each deploy's code expects of the tables.
 * Published through {@code ServiceLoader} so the {@code godwit} command finds them by name.
 */
public final class ExampleMigrations implements MigrationProvider {

  /** Teams whose name was saved blank get a name: a subset reached through a range over an index. */
  public static final Migration<Team> FIX_BLANK_TEAM_NAMES =
      Migration.on(TeamTable.TABLE, "teams.fixBlankNames")
          .range(TeamTable.NAME.eq(""))
          .verifiedBy(TeamTable.NAME.eq(""))
          .migrateOne((ctx, team) -> TeamTable.patch().name("Team " + team.id()));

  /** Emails are compared case-insensitively, so they are stored trimmed and in lower case. */
  public static final Migration<User> NORMALIZE_EMAILS =
      Migration.on(UserTable.TABLE, "users.normalizeEmails")
          .batchSize(500)
          .migrateOne((ctx, user) -> {
            String normalized = normalizeEmail(user.email());
            return normalized.equals(user.email()) ? null : UserTable.patch().email(normalized);
          });

  /**
   * Nested preferences move to their own table. The widened application already writes both, so rows
   * created while this runs are not missed; a row whose preferences were already copied is only
   * cleared.
   */
  @SuppressWarnings("deprecation")
  public static final Migration<User> EXTRACT_PREFERENCES =
      Migration.on(UserTable.TABLE, "users.extractPreferences")
          .range(UserTable.PREFERENCES.isNotNull())
          .verifiedBy(UserTable.PREFERENCES.isNotNull())
          .migrateOne((ctx, user) -> {
            boolean copied = ctx.exists(
                UserPreferenceTable.TABLE, UserPreferenceTable.USER_ID.eq(user.id()));
            if (!copied) {
              ctx.insert(UserPreferenceTable.TABLE, new UserPreference(
                  user.id(), user.preferences().theme(), user.preferences().emailOptIn()));
            }
            return UserTable.patch().preferences(null);
          });

  /**
   * Embeddings no chunk points at any more are deleted. It destroys data, so a run of a series skips
   * it: it runs when asked for by name.
   */
  public static final Migration<Embedding> DELETE_ORPHANED_EMBEDDINGS =
      Migration.on(EmbeddingTable.TABLE, "embeddings.deleteOrphans")
          .destroysData()
          .migrateOne((ctx, embedding) -> {
            if (!ctx.exists(ChunkTable.TABLE, ChunkTable.EMBEDDING_ID.eq(embedding.id()))) {
              ctx.delete(EmbeddingTable.TABLE, embedding.id());
            }
            return null;
          });

  /** Published through {@code ServiceLoader}. */
  public ExampleMigrations() {}

  /**
   * The same normalization the application applies when it writes an email.
   *
   * @param email an email as entered
   * @return it trimmed and in lower case
   */
  public static String normalizeEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The migrate phase of deploy 1, what runs while the widened application serves: every backfill
   * and data change that keeps the data it moves. {@code Team.plan} is still {@code @Widened} and its
   * backfill reads {@code isPro}, so no clear of {@code isPro} is generated (a rollback to deploy 0
   * needs it).
   *
   * @return the migrations, in order
   */
  public static List<Migration<?>> migratePhase() {
    return List.of(
        TeamMigrations.backfillPlan(),
        FIX_BLANK_TEAM_NAMES,
        UserMigrations.backfillRole(),
        NORMALIZE_EMAILS,
        EXTRACT_PREFERENCES);
  }

  /**
   * The hand-written migrations that destroy data, run only when asked for by name.
   *
   * @return the migrations, in order
   */
  public static List<Migration<?>> onRequest() {
    return List.of(DELETE_ORPHANED_EMBEDDINGS);
  }

  /**
   * What deploy 1's code expects of its tables: the schemas its entities publish.
   *
   * @return one schema per table
   */
  public static List<TableSchema<?>> deploy1() {
    return List.of(TeamTable.SCHEMA, UserTable.SCHEMA, UserPreferenceTable.SCHEMA,
        EmbeddingTable.SCHEMA, ChunkTable.SCHEMA);
  }

  /**
   * What deploy 2's code expects: {@code teams.plan} narrowed, {@code is_pro} retiring.
   *
   * @return one schema per table
   */
  public static List<TableSchema<?>> deploy2() {
    return List.of(dev.godwit.example.deploy2.TeamTable.SCHEMA, UserTable.SCHEMA,
        UserPreferenceTable.SCHEMA, EmbeddingTable.SCHEMA, ChunkTable.SCHEMA);
  }

  /**
   * What deploy 3's code expects: {@code teams.plan} required, {@code is_pro} removed.
   *
   * @return one schema per table
   */
  public static List<TableSchema<?>> deploy3() {
    return List.of(dev.godwit.example.deploy3.TeamTable.SCHEMA, UserTable.SCHEMA,
        UserPreferenceTable.SCHEMA, EmbeddingTable.SCHEMA, ChunkTable.SCHEMA);
  }

  @Override
  public List<Migration<?>> migrations() {
    return List.of(FIX_BLANK_TEAM_NAMES, NORMALIZE_EMAILS, EXTRACT_PREFERENCES,
        DELETE_ORPHANED_EMBEDDINGS);
  }
}
