package dev.godwit.example.app;

import dev.godwit.example.model.Chunk;
import dev.godwit.example.model.ChunkTable;
import dev.godwit.example.model.Embedding;
import dev.godwit.example.model.EmbeddingTable;
import dev.godwit.example.model.Plan;
import dev.godwit.example.model.Preferences;
import dev.godwit.example.model.Team;
import dev.godwit.example.model.TeamTable;
import dev.godwit.example.model.User;
import dev.godwit.example.model.UserTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Fills the tables of deploy 0 ({@link Schema}) with rows in the old format, as an application that
 * predates the widen deploy left them: only the columns deploy 0 has. Every value is a function of the
 * row's id, so the demo knows what each row must hold at the end.
 */
public final class Seed {

  private static final int CHUNK = 5_000;

  private final int teams;

  /**
   * A seed of a given size.
   *
   * @param teams how many teams; there are half as many users and a fifth as many embeddings
   */
  public Seed(int teams) {
    this.teams = teams;
  }

  /**
   * How many teams are seeded.
   *
   * @return the count
   */
  public int teams() {
    return teams;
  }

  /**
   * How many users are seeded.
   *
   * @return the count
   */
  public int users() {
    return teams / 2;
  }

  /**
   * How many embeddings are seeded; a fifth of them are orphans.
   *
   * @return the count
   */
  public int embeddings() {
    return teams / 5;
  }

  /**
   * How many rows are seeded in all.
   *
   * @return the count
   */
  public long rows() {
    return (long) teams() + users() + embeddings() + chunks();
  }

  private int chunks() {
    int count = 0;
    for (long id = 1; id <= embeddings(); id++) {
      count += isOrphan(id) ? 0 : 1;
    }
    return count;
  }

  /**
   * The name a team was seeded with; some were saved blank by an old bug.
   *
   * @param id the team's id
   * @return the seeded name
   */
  public static String teamName(long id) {
    return id % 997 == 0 ? "" : "team-" + id;
  }

  /**
   * Whether a seeded team was pro.
   *
   * @param id the team's id
   * @return the old flag
   */
  public static boolean teamIsPro(long id) {
    return id % 3 == 0;
  }

  /**
   * The email a user was seeded with; some in mixed case or with spaces.
   *
   * @param id the user's id
   * @return the seeded email
   */
  public static String userEmail(long id) {
    return id % 4 == 0 ? "  User" + id + "@Example.COM " : "user" + id + "@example.com";
  }

  /**
   * The preferences a user was seeded with.
   *
   * @param id the user's id
   * @return the nested preferences
   */
  public static Preferences userPreferences(long id) {
    return new Preferences(id % 2 == 0 ? "dark" : "light", id % 5 != 0);
  }

  /**
   * Whether an embedding was seeded without a chunk.
   *
   * @param id the embedding's id
   * @return {@code true} for an orphan
   */
  public static boolean isOrphan(long id) {
    return id % 5 == 0;
  }

  /**
   * Inserts every row.
   *
   * @param dataSource the database, with deploy 0's tables empty
   * @throws SQLException if an insert fails
   */
  @SuppressWarnings("removal")
  public void insert(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      List<Team> teamRows = new ArrayList<>();
      for (long id = 1; id <= teams; id++) {
        teamRows.add(new Team(id, teamName(id), teamIsPro(id), (Plan) null));
        if (teamRows.size() == CHUNK || id == teams) {
          Rows.insert(connection, TeamTable.TABLE,
              List.of(TeamTable.ID, TeamTable.NAME, TeamTable.IS_PRO), teamRows);
          connection.commit();
          teamRows.clear();
        }
      }
      List<User> userRows = new ArrayList<>();
      for (long id = 1; id <= users(); id++) {
        userRows.add(new User(id, userEmail(id), null, userPreferences(id)));
        if (userRows.size() == CHUNK || id == users()) {
          Rows.insert(connection, UserTable.TABLE,
              List.of(UserTable.ID, UserTable.EMAIL, UserTable.PREFERENCES), userRows);
          connection.commit();
          userRows.clear();
        }
      }
      List<Embedding> embeddingRows = new ArrayList<>();
      List<Chunk> chunkRows = new ArrayList<>();
      for (long id = 1; id <= embeddings(); id++) {
        embeddingRows.add(new Embedding(id, "mini-v1", "[0." + id % 10 + ", 0.5]"));
        if (!isOrphan(id)) {
          chunkRows.add(new Chunk(id, id, "chunk of document " + id));
        }
        if (embeddingRows.size() == CHUNK || id == embeddings()) {
          Rows.insert(connection, EmbeddingTable.TABLE, embeddingRows);
          Rows.insert(connection, ChunkTable.TABLE, chunkRows);
          connection.commit();
          embeddingRows.clear();
          chunkRows.clear();
        }
      }
    }
  }
}
