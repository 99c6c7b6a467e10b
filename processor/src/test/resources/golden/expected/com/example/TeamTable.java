package com.example;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.JsonCodec;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Row;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.TableSchema;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The {@code teams} table of {@link Team}: its columns, how its rows map to entities, and a typed
 * patch builder.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
@SuppressWarnings({"deprecation", "removal"})
public final class TeamTable {
  @SuppressWarnings("unchecked")
  private static final JsonCodec<Address> ADDRESS_JSON = JsonCodec.object(
      Address.class,
      List.of("street", "zip", "lines"),
      List.of(JsonCodec.STRING, JsonCodec.INTEGER, JsonCodec.list(JsonCodec.STRING)),
      value -> new Object[] {value.street(), value.zip(), value.lines()},
      components -> new Address((String) components[0], (Integer) components[1],
          (List<String>) components[2]));

  /**
   * Column {@code id}, of field {@code id}, the primary key.
   */
  public static final Column<Team, UUID> ID = Column.of("id", ColumnType.UUID);

  /**
   * Column {@code name}, of field {@code name}.
   */
  public static final Column<Team, String> NAME = Column.of("name", ColumnType.STRING);

  /**
   * Column {@code title}, of field {@code title}.
   */
  public static final Column<Team, String> TITLE = Column.of("title", ColumnType.STRING);

  /**
   * Column {@code pro}, of field {@code isPro}.
   */
  public static final Column<Team, Boolean> IS_PRO = Column.of("pro", ColumnType.BOOLEAN);

  /**
   * Column {@code plan}, of field {@code plan}.
   */
  public static final Column<Team, Plan> PLAN = Column.of("plan", ColumnType.enumType(Plan.class));

  /**
   * Column {@code seats}, of field {@code seats}.
   */
  public static final Column<Team, Integer> SEATS = Column.of("seats", ColumnType.INTEGER);

  /**
   * Column {@code address}, of field {@code address}.
   */
  public static final Column<Team, Address> ADDRESS = Column.of("address",
      ColumnType.json(ADDRESS_JSON));

  /**
   * Column {@code tags}, of field {@code tags}.
   */
  public static final Column<Team, List<String>> TAGS = Column.of("tags",
      ColumnType.json(JsonCodec.list(JsonCodec.STRING)));

  /**
   * The table, ordered by {@link #ID}.
   */
  public static final Table<Team> TABLE = Table.of("teams", ID, List.of(ID, NAME, TITLE, IS_PRO,
      PLAN, SEATS, ADDRESS, TAGS), TeamTable::read, TeamTable::write);

  /**
   * What this code expects of the table: each column's role in the lifecycle (required,
   * optional, widened or narrowed with the backfill that fills it, deprecated, or retiring),
   * its declared size, and the columns declared removed. The migrator compares it with the
   * database's catalog to plan, apply and check the schema steps of each phase.
   */
  public static final TableSchema<Team> SCHEMA = TableSchema.of(TABLE)
      .required(ID)
      .retiring(NAME)
      .widened(TITLE, TeamVerification.backfillTitle())
      .retiring(IS_PRO)
      .widened(PLAN, TeamVerification.backfillPlan())
      .widened(SEATS, TeamVerification.backfillSeats())
      .optional(ADDRESS)
      .optional(TAGS)
      .build();

  private TeamTable() {
  }

  /**
   * A patch that sets nothing yet; each of its methods sets one column.
   *
   * @return a new, empty patch
   */
  public static TeamPatch patch() {
    return new TeamPatch();
  }

  private static Team read(Row row) throws SQLException {
    return new Team(
        row.get(ID),
        row.get(NAME),
        row.get(TITLE),
        row.get(IS_PRO),
        row.get(PLAN),
        row.get(SEATS),
        row.get(ADDRESS),
        row.get(TAGS));
  }

  private static Patch<Team> write(Team team) {
    return patch()
        .id(team.getId())
        .name(team.getName())
        .title(team.getTitle())
        .isPro(team.isPro())
        .plan(team.getPlan())
        .seats(team.getSeats())
        .address(team.getAddress())
        .tags(team.getTags());
  }

  /**
   * A typed patch of {@code teams} rows: each method sets one column, {@code null} clears it.
   */
  public static final class TeamPatch extends Patch<Team> {
    private TeamPatch() {
    }

    /**
     * Sets column {@code id}.
     *
     * @param value the new value
     * @return this patch
     */
    public TeamPatch id(UUID value) {
      set(ID, value);
      return this;
    }

    /**
     * Sets column {@code name}.
     *
     * @param value the new value
     * @return this patch
     */
    public TeamPatch name(String value) {
      set(NAME, value);
      return this;
    }

    /**
     * Sets column {@code title}.
     *
     * @param value the new value
     * @return this patch
     */
    public TeamPatch title(String value) {
      set(TITLE, value);
      return this;
    }

    /**
     * Sets column {@code pro}.
     *
     * @param value the new value
     * @return this patch
     */
    public TeamPatch isPro(Boolean value) {
      set(IS_PRO, value);
      return this;
    }

    /**
     * Sets column {@code plan}.
     *
     * @param value the new value
     * @return this patch
     */
    public TeamPatch plan(Plan value) {
      set(PLAN, value);
      return this;
    }

    /**
     * Sets column {@code seats}.
     *
     * @param value the new value
     * @return this patch
     */
    public TeamPatch seats(Integer value) {
      set(SEATS, value);
      return this;
    }

    /**
     * Sets column {@code address}.
     *
     * @param value the new value
     * @return this patch
     */
    public TeamPatch address(Address value) {
      set(ADDRESS, value);
      return this;
    }

    /**
     * Sets column {@code tags}.
     *
     * @param value the new value
     * @return this patch
     */
    public TeamPatch tags(List<String> value) {
      set(TAGS, value);
      return this;
    }
  }
}
