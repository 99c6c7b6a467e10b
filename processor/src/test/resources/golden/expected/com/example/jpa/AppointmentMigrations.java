package com.example.jpa;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationProvider;
import dev.godwit.runtime.TableSchema;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The online migrations of the {@code appointments} table of {@link Appointment}. Run them in the order of
 * {@link #all()}; each is done only when its verification in {@link AppointmentVerification} finds no row
 * left.
 *
 * <p>Every migration here is a backfill, in the migrate phase.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
public final class AppointmentMigrations implements MigrationProvider {
  /**
   * For {@code ServiceLoader}; the migrations themselves are static methods.
   */
  public AppointmentMigrations() {
  }

  /**
   * Fills {@code state} with the constant {@code BOOKED},
   * on the rows where {@code state} is NULL.
   *
   * @return the migration {@code appointments.backfillState}
   */
  public static Migration<Appointment> backfillState() {
    return Migration.on(AppointmentTable.TABLE, "appointments.backfillState")
        .range(AppointmentTable.STATE.isNull())
        .verifiedBy(AppointmentVerification.backfillState())
        .migrateInDatabase(AppointmentTable.STATE.setTo("BOOKED"));
  }

  /**
   * Every migration of the table, in the order they must run: a clear runs after every
   * backfill that reads the field it clears.
   *
   * <p>In order, with each one's phase:
   * {@link #backfillState()} (migrate).
   *
   * @return the migrations
   */
  public static List<Migration<Appointment>> all() {
    return List.of(backfillState());
  }

  @Override
  public List<Migration<?>> migrations() {
    return List.copyOf(all());
  }

  @Override
  public List<TableSchema<?>> schemas() {
    return List.of(AppointmentTable.SCHEMA);
  }
}
