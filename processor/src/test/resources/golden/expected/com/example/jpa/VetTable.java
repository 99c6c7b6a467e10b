package com.example.jpa;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Row;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.TableSchema;
import java.sql.SQLException;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The {@code vets} table of {@link Vet}: its columns, how its rows map to entities, and a typed
 * patch builder.
 *
 * <p>No column of this table: {@code specialties} (a @ManyToMany collection). Rows read here, and the
 * entities backfill methods receive, never load it: they hold what the entity's constructor gives.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
public final class VetTable {
  /**
   * The application's converter of field {@code onCall}, called in both directions.
   */
  private static final YesNo ON_CALL_CONVERTER = new YesNo();

  /**
   * Column {@code id}, of field {@code id}, the primary key.
   */
  public static final Column<Vet, Integer> ID = Column.of("id", ColumnType.INTEGER);

  /**
   * Column {@code first_name}, of field {@code firstName}.
   */
  public static final Column<Vet, String> FIRST_NAME = Column.of("first_name", ColumnType.STRING);

  /**
   * Column {@code last_name}, of field {@code lastName}.
   */
  public static final Column<Vet, String> LAST_NAME = Column.of("last_name", ColumnType.STRING);

  /**
   * Column {@code clinic_id}, the id of the {@link Clinic} of field {@code clinic}.
   */
  public static final Column<Vet, Integer> CLINIC = Column.of("clinic_id", ColumnType.INTEGER);

  /**
   * Column {@code office_room}, of a component of embedded field {@code office}.
   */
  public static final Column<Vet, String> OFFICE_ROOM = Column.of("office_room", ColumnType.STRING);

  /**
   * Column {@code floor}, of a component of embedded field {@code office}.
   */
  public static final Column<Vet, Integer> OFFICE_FLOOR = Column.of("floor", ColumnType.INTEGER);

  /**
   * Column {@code on_call}, of field {@code onCall}.
   */
  public static final Column<Vet, Boolean> ON_CALL = Column.of("on_call",
      ColumnType.converted(ColumnType.STRING, Boolean.class,
      ON_CALL_CONVERTER::convertToDatabaseColumn, ON_CALL_CONVERTER::convertToEntityAttribute));

  /**
   * Column {@code version}, of field {@code version}.
   */
  public static final Column<Vet, Long> VERSION = Column.of("version", ColumnType.LONG);

  /**
   * Column {@code display_name}, of field {@code displayName}.
   */
  public static final Column<Vet, String> DISPLAY_NAME = Column.of("display_name",
      ColumnType.STRING);

  /**
   * Column {@code rank}, of field {@code rank}.
   */
  public static final Column<Vet, Rank> RANK = Column.of("rank",
      ColumnType.enumOrdinal(Rank.class));

  /**
   * The table, ordered by {@link #ID}.
   */
  public static final Table<Vet> TABLE = Table.<Vet>builder("vets")
      .schema("clinic")
      .key(ID)
      .columns(List.of(ID, FIRST_NAME, LAST_NAME, CLINIC, OFFICE_ROOM, OFFICE_FLOOR, ON_CALL,
          VERSION, DISPLAY_NAME, RANK))
      .version(VERSION)
      .reader(VetTable::read)
      .writer(VetTable::write)
      .build();

  /**
   * What this code expects of the table: each column's role in the lifecycle (required,
   * optional, widened or narrowed with the backfill that fills it, deprecated, or retiring),
   * its declared size, and the columns declared removed. The migrator compares it with the
   * database's catalog to plan, apply and check the schema steps of each phase.
   */
  public static final TableSchema<Vet> SCHEMA = TableSchema.of(TABLE)
      .required(ID)
      .required(FIRST_NAME, ColumnSchema.Size.length(80))
      .optional(LAST_NAME, ColumnSchema.Size.length(255))
      .required(CLINIC)
      .optional(OFFICE_ROOM, ColumnSchema.Size.length(255))
      .optional(OFFICE_FLOOR)
      .optional(ON_CALL, ColumnSchema.Size.length(255))
      .required(VERSION)
      .widened(DISPLAY_NAME, VetVerification.backfillDisplayName(), ColumnSchema.Size.length(255))
      .widened(RANK, VetVerification.backfillRank())
      .build();

  private VetTable() {
  }

  /**
   * A patch that sets nothing yet; each of its methods sets one column.
   *
   * @return a new, empty patch
   */
  public static VetPatch patch() {
    return new VetPatch();
  }

  private static Vet read(Row row) throws SQLException {
    Vet vet = new Vet();
    vet.setId(row.get(ID));
    vet.setFirstName(row.get(FIRST_NAME));
    vet.setLastName(row.get(LAST_NAME));
    vet.setClinic(readClinic(row));
    vet.setOffice(readOffice(row));
    vet.setOnCall(row.get(ON_CALL));
    vet.setVersion(row.get(VERSION));
    vet.setDisplayName(row.get(DISPLAY_NAME));
    vet.setRank(row.get(RANK));
    return vet;
  }

  private static Patch<Vet> write(Vet vet) {
    Clinic clinic = vet.getClinic();
    Office office = vet.getOffice();
    return patch()
        .id(vet.getId())
        .firstName(vet.getFirstName())
        .lastName(vet.getLastName())
        .clinic(clinic == null ? null : clinic.getId())
        .officeRoom(office == null ? null : office.room())
        .officeFloor(office == null ? null : office.floor())
        .onCall(vet.getOnCall())
        .version(vet.getVersion())
        .displayName(vet.getDisplayName())
        .rank(vet.getRank());
  }

  /**
   * The {@code clinic} of a row: a reference holding only its id, or {@code null}.
   */
  private static Clinic readClinic(Row row) throws SQLException {
    Integer id = row.get(CLINIC);
    if (id == null) {
      return null;
    }
    Clinic clinic = new Clinic();
    clinic.setId(id);
    return clinic;
  }

  /**
   * The {@code office} of a row, or {@code null} when every column of it is {@code NULL},
   * as Hibernate reads it.
   */
  private static Office readOffice(Row row) throws SQLException {
    String officeRoom = row.get(OFFICE_ROOM);
    Integer officeFloor = row.get(OFFICE_FLOOR);
    if (officeRoom == null && officeFloor == null) {
      return null;
    }
    return new Office(officeRoom, officeFloor);
  }

  /**
   * A typed patch of {@code vets} rows: each method sets one column, {@code null} clears it.
   */
  public static final class VetPatch extends Patch<Vet> {
    private VetPatch() {
    }

    /**
     * Sets column {@code id}.
     *
     * @param value the new value
     * @return this patch
     */
    public VetPatch id(Integer value) {
      set(ID, value);
      return this;
    }

    /**
     * Sets column {@code first_name}.
     *
     * @param value the new value
     * @return this patch
     */
    public VetPatch firstName(String value) {
      set(FIRST_NAME, value);
      return this;
    }

    /**
     * Sets column {@code last_name}.
     *
     * @param value the new value
     * @return this patch
     */
    public VetPatch lastName(String value) {
      set(LAST_NAME, value);
      return this;
    }

    /**
     * Sets column {@code clinic_id}.
     *
     * @param value the new value
     * @return this patch
     */
    public VetPatch clinic(Integer value) {
      set(CLINIC, value);
      return this;
    }

    /**
     * Sets column {@code office_room}.
     *
     * @param value the new value
     * @return this patch
     */
    public VetPatch officeRoom(String value) {
      set(OFFICE_ROOM, value);
      return this;
    }

    /**
     * Sets column {@code floor}.
     *
     * @param value the new value
     * @return this patch
     */
    public VetPatch officeFloor(Integer value) {
      set(OFFICE_FLOOR, value);
      return this;
    }

    /**
     * Sets column {@code on_call}.
     *
     * @param value the new value
     * @return this patch
     */
    public VetPatch onCall(Boolean value) {
      set(ON_CALL, value);
      return this;
    }

    /**
     * Sets column {@code version}.
     *
     * @param value the new value
     * @return this patch
     */
    public VetPatch version(long value) {
      set(VERSION, value);
      return this;
    }

    /**
     * Sets column {@code display_name}.
     *
     * @param value the new value
     * @return this patch
     */
    public VetPatch displayName(String value) {
      set(DISPLAY_NAME, value);
      return this;
    }

    /**
     * Sets column {@code rank}.
     *
     * @param value the new value
     * @return this patch
     */
    public VetPatch rank(Rank value) {
      set(RANK, value);
      return this;
    }
  }
}
