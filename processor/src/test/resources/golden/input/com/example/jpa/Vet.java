package com.example.jpa;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Set;

/**
 * A JPA entity with two mapped superclasses, a relation, an embeddable, a collection, a converter, a
 * version column, an enum stored by ordinal, and a schema; its {@code SCHEMA} shows the columns JPA
 * declares {@code NOT NULL} and Hibernate's sizes.
 */
@MigratedTable
@Entity
@Table(name = "vets", schema = "clinic")
public class Vet extends Person {
  @ManyToMany
  private Set<Specialty> specialties = new HashSet<>();

  @ManyToOne(optional = false)
  private Clinic clinic;

  @Embedded
  @AttributeOverride(name = "room", column = @Column(name = "office_room"))
  private Office office;

  @Convert(converter = YesNo.class)
  private Boolean onCall;

  @Version
  private long version;

  @Widened
  @Backfill(method = "displayNameOf")
  private String displayName;

  @Widened
  @Backfill(value = "JUNIOR")
  private Rank rank;

  public static String displayNameOf(Vet vet) {
    return "Dr. " + vet.getLastName();
  }

  public Set<Specialty> getSpecialties() {
    return specialties;
  }

  public void setSpecialties(Set<Specialty> specialties) {
    this.specialties = specialties;
  }

  public Clinic getClinic() {
    return clinic;
  }

  public void setClinic(Clinic clinic) {
    this.clinic = clinic;
  }

  public Office getOffice() {
    return office;
  }

  public void setOffice(Office office) {
    this.office = office;
  }

  public Boolean getOnCall() {
    return onCall;
  }

  public void setOnCall(Boolean onCall) {
    this.onCall = onCall;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }

  public Rank getRank() {
    return rank;
  }

  public void setRank(Rank rank) {
    this.rank = rank;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }
}
