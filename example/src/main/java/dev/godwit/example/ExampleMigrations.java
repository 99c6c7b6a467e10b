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
import java.util.List;
import java.util.Locale;

/**
 * The example's hand-written migrations, for the changes annotations cannot say, and the order in
 * which the demo runs them with the generated ones. Published through {@code ServiceLoader} so the
 * {@code godwit} command finds them by name.
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

  /** Embeddings no chunk points at any more are deleted. */
  public static final Migration<Embedding> DELETE_ORPHANED_EMBEDDINGS =
      Migration.on(EmbeddingTable.TABLE, "embeddings.deleteOrphans")
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
   * What runs while the widened application serves: every backfill and data change.
   *
   * @return the migrations, in order
   */
  public static List<Migration<?>> widenPhase() {
    return List.of(
        TeamMigrations.backfillPlan(),
        FIX_BLANK_TEAM_NAMES,
        UserMigrations.backfillRole(),
        NORMALIZE_EMAILS,
        EXTRACT_PREFERENCES,
        DELETE_ORPHANED_EMBEDDINGS);
  }

  /**
   * What runs once the application no longer writes the old format: clearing deprecated columns. None
   * in this deploy: {@code Team.plan} is still {@code @Widened} and its backfill reads {@code isPro},
   * so no clear of {@code isPro} is generated (a rollback to the previous deploy needs it); the deploy
   * that narrows {@code plan} gets {@code teams.clearIsPro}, in the contract phase.
   *
   * @return the migrations, in order
   */
  public static List<Migration<?>> narrowPhase() {
    return List.of();
  }

  @Override
  public List<Migration<?>> migrations() {
    return List.of(FIX_BLANK_TEAM_NAMES, NORMALIZE_EMAILS, EXTRACT_PREFERENCES,
        DELETE_ORPHANED_EMBEDDINGS);
  }
}
