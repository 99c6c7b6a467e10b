package dev.godwit.runtime;

import java.util.List;

/** Teams moving from a boolean {@code is_pro} to a {@code plan} enum. */
record Team(long id, String name, Boolean isPro, Team.Plan plan) {

  enum Plan { BASIC, PRO }

  static final Column<Team, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Team, String> NAME = Column.of("name", ColumnType.STRING);
  static final Column<Team, Boolean> IS_PRO = Column.of("is_pro", ColumnType.BOOLEAN);
  static final Column<Team, Plan> PLAN = Column.of("plan", ColumnType.enumType(Plan.class));

  static final Table<Team> TABLE = Table.of("teams", ID, List.of(ID, NAME, IS_PRO, PLAN),
      row -> new Team(row.get(ID), row.get(NAME), row.get(IS_PRO), row.get(PLAN)),
      team -> Patch.of(Team.TABLE).set(ID, team.id()).set(NAME, team.name())
          .set(IS_PRO, team.isPro()).set(PLAN, team.plan()));

  /** The plan the boolean stands for: what both the backfill and the dual read compute. */
  static Plan planOf(Boolean isPro) {
    return Boolean.TRUE.equals(isPro) ? Plan.PRO : Plan.BASIC;
  }
}
