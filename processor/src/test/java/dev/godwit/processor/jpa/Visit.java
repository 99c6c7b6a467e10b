package dev.godwit.processor.jpa;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A visit, keyed by pet and visit number: a composite primary key through {@code @EmbeddedId}. */
@Entity
@Table(name = "visits")
@MigratedTable
public class Visit {

  @EmbeddedId
  private VisitId id;

  @Column(name = "visit_date")
  private LocalDate date;

  private String description;

  @Widened
  @Backfill(method = "summaryOf")
  private String summary;

  public static String summaryOf(Visit visit) {
    return visit.getId().getPetId() + "/" + visit.getId().getVisitNo() + ": " + visit.getDescription();
  }

  public VisitId getId() {
    return id;
  }

  public void setId(VisitId id) {
    this.id = id;
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }
}
