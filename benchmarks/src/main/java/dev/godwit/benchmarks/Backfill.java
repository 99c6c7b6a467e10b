package dev.godwit.benchmarks;

import dev.godwit.runtime.Migration;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The workload's two backfills, as each strategy expresses them. */
enum Backfill {
  /** {@code plan}, computed by {@link Team#planOf} from {@code is_pro}: rows travel through the JVM. */
  PLAN("plan", "Java method", "id, is_pro") {
    @Override
    Migration<Team> migration() {
      return TeamMigrations.backfillPlan();
    }

    @Override
    String setBasedSql() {
      return "UPDATE teams SET plan = CASE WHEN is_pro THEN 'PRO' ELSE 'FREE' END WHERE plan IS NULL";
    }

    @Override
    String expectedSql() {
      return "plan = CASE WHEN is_pro THEN 'PRO' ELSE 'FREE' END";
    }

    @Override
    Team read(ResultSet row) throws SQLException {
      return new Team(row.getLong(1), null, row.getBoolean(2), null, null, null);
    }

    @Override
    Object value(Team team) {
      return Team.planOf(team).name();
    }
  },

  /** {@code seats}, a constant: the generated migration computes it inside the database. */
  SEATS("seats", "constant", "id") {
    @Override
    Migration<Team> migration() {
      return TeamMigrations.backfillSeats();
    }

    @Override
    String setBasedSql() {
      return "UPDATE teams SET seats = " + Team.DEFAULT_SEATS + " WHERE seats IS NULL";
    }

    @Override
    String expectedSql() {
      return "seats = " + Team.DEFAULT_SEATS;
    }

    @Override
    Team read(ResultSet row) throws SQLException {
      return new Team(row.getLong(1), null, null, null, null, null);
    }

    @Override
    Object value(Team team) {
      return Team.DEFAULT_SEATS;
    }
  };

  private final String column;
  private final String label;
  private final String readColumns;

  Backfill(String column, String label, String readColumns) {
    this.column = column;
    this.label = label;
    this.readColumns = readColumns;
  }

  /** The column it fills. */
  String column() {
    return column;
  }

  /** How the report names it. */
  String label() {
    return column + " (" + label + ")";
  }

  /** The columns a hand-written loop reads to compute the value, the id first. */
  String readColumns() {
    return readColumns;
  }

  /**
   * A hand-written loop's read: the next rows still to fill after an id ({@code ?} 1) and up to an id
   * ({@code ?} 2), in id order.
   */
  String keysetSelect(int limit, boolean lock) {
    return "SELECT " + readColumns + " FROM teams WHERE " + column + " IS NULL AND id > ? AND id <= ?"
        + " ORDER BY id LIMIT " + limit + (lock ? " FOR UPDATE" : "");
  }

  /** A hand-written loop's write: the value ({@code ?} 1) of one row, by id ({@code ?} 2). */
  String updateById() {
    return "UPDATE teams SET " + column + " = ? WHERE id = ?";
  }

  /** The migration the processor generated for it. */
  abstract Migration<Team> migration();

  /** The whole backfill as one statement: the offline ceiling. */
  abstract String setBasedSql();

  /** A condition that holds on a correctly filled row. */
  abstract String expectedSql();

  /** The current row, read with {@link #readColumns()}, as much of a team as the backfill needs. */
  abstract Team read(ResultSet row) throws SQLException;

  /** The value the backfill gives a team, computed in Java, as a hand-written loop binds it. */
  abstract Object value(Team team);
}
