package com.example.jpa;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Row;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.TableSchema;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The {@code appointments} table of {@link Appointment}: its columns, how its rows map to entities, and a typed
 * patch builder.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
public final class AppointmentTable {
  /**
   * Column {@code vet_id}, of a component of embedded field {@code key}, in the primary key.
   */
  public static final Column<Appointment, Integer> KEY_VET_ID = Column.of("vet_id",
      ColumnType.INTEGER);

  /**
   * Column {@code visit_day}, of a component of embedded field {@code key}, in the primary key.
   */
  public static final Column<Appointment, LocalDate> KEY_VISIT_DAY = Column.of("visit_day",
      ColumnType.LOCAL_DATE);

  /**
   * Column {@code slot}, of a component of embedded field {@code key}, in the primary key.
   */
  public static final Column<Appointment, Integer> KEY_SLOT = Column.of("slot", ColumnType.INTEGER);

  /**
   * Column {@code note}, of field {@code note}.
   */
  public static final Column<Appointment, String> NOTE = Column.of("note", ColumnType.STRING);

  /**
   * Column {@code state}, of field {@code state}.
   */
  public static final Column<Appointment, String> STATE = Column.of("state", ColumnType.STRING);

  /**
   * The table, ordered by its composite key: {@link #KEY_VET_ID}, then {@link #KEY_VISIT_DAY}, then {@link #KEY_SLOT}.
   */
  public static final Table<Appointment> TABLE = Table.<Appointment>builder("appointments")
      .key(KEY_VET_ID, KEY_VISIT_DAY, KEY_SLOT)
      .columns(List.of(KEY_VET_ID, KEY_VISIT_DAY, KEY_SLOT, NOTE, STATE))
      .reader(AppointmentTable::read)
      .writer(AppointmentTable::write)
      .build();

  /**
   * What this code expects of the table: each column's role in the lifecycle (required,
   * optional, widened or narrowed with the backfill that fills it, deprecated, or retiring),
   * its declared size, and the columns declared removed. The migrator compares it with the
   * database's catalog to plan, apply and check the schema steps of each phase.
   */
  public static final TableSchema<Appointment> SCHEMA = TableSchema.of(TABLE)
      .required(KEY_VET_ID)
      .required(KEY_VISIT_DAY)
      .required(KEY_SLOT)
      .optional(NOTE, ColumnSchema.Size.length(255))
      .widened(STATE, AppointmentVerification.backfillState(), ColumnSchema.Size.length(255))
      .build();

  private AppointmentTable() {
  }

  /**
   * A patch that sets nothing yet; each of its methods sets one column.
   *
   * @return a new, empty patch
   */
  public static AppointmentPatch patch() {
    return new AppointmentPatch();
  }

  private static Appointment read(Row row) throws SQLException {
    Appointment appointment = new Appointment();
    appointment.setKey(readKey(row));
    appointment.setNote(row.get(NOTE));
    appointment.setState(row.get(STATE));
    return appointment;
  }

  private static Patch<Appointment> write(Appointment appointment) {
    AppointmentKey key = appointment.getKey();
    return patch()
        .keyVetId(key == null ? null : key.vetId())
        .keyVisitDay(key == null ? null : key.visitDay())
        .keySlot(key == null ? null : key.slot())
        .note(appointment.getNote())
        .state(appointment.getState());
  }

  /**
   * The {@code key} of a row, or {@code null} when every column of it is {@code NULL},
   * as Hibernate reads it.
   */
  private static AppointmentKey readKey(Row row) throws SQLException {
    Integer keyVetId = row.get(KEY_VET_ID);
    LocalDate keyVisitDay = row.get(KEY_VISIT_DAY);
    Integer keySlot = row.get(KEY_SLOT);
    if (keyVetId == null && keyVisitDay == null && keySlot == null) {
      return null;
    }
    return new AppointmentKey(keyVetId, keyVisitDay, keySlot);
  }

  /**
   * A typed patch of {@code appointments} rows: each method sets one column, {@code null} clears it.
   */
  public static final class AppointmentPatch extends Patch<Appointment> {
    private AppointmentPatch() {
    }

    /**
     * Sets column {@code vet_id}.
     *
     * @param value the new value
     * @return this patch
     */
    public AppointmentPatch keyVetId(Integer value) {
      set(KEY_VET_ID, value);
      return this;
    }

    /**
     * Sets column {@code visit_day}.
     *
     * @param value the new value
     * @return this patch
     */
    public AppointmentPatch keyVisitDay(LocalDate value) {
      set(KEY_VISIT_DAY, value);
      return this;
    }

    /**
     * Sets column {@code slot}.
     *
     * @param value the new value
     * @return this patch
     */
    public AppointmentPatch keySlot(Integer value) {
      set(KEY_SLOT, value);
      return this;
    }

    /**
     * Sets column {@code note}.
     *
     * @param value the new value
     * @return this patch
     */
    public AppointmentPatch note(String value) {
      set(NOTE, value);
      return this;
    }

    /**
     * Sets column {@code state}.
     *
     * @param value the new value
     * @return this patch
     */
    public AppointmentPatch state(String value) {
      set(STATE, value);
      return this;
    }
  }
}
