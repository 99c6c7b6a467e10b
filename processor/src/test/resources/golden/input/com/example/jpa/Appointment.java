package com.example.jpa;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** A composite primary key held in an {@code @EmbeddedId}. */
@MigratedTable("appointments")
@Entity
public class Appointment {
  @EmbeddedId
  private AppointmentKey key;

  private String note;

  @Widened
  @Backfill(value = "BOOKED")
  private String state;

  public AppointmentKey getKey() {
    return key;
  }

  public void setKey(AppointmentKey key) {
    this.key = key;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }
}
