package com.example.jpa;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A JPA entity with two mapped superclasses, a relation, an embeddable and a collection. */
@MigratedTable
@Entity
@Table(name = "vets")
public class Vet extends Person {
  @ManyToMany
  private Set<Specialty> specialties = new HashSet<>();

  @ManyToOne
  private Clinic clinic;

  @Embedded
  @AttributeOverride(name = "room", column = @Column(name = "office_room"))
  private Office office;

  @Widened
  @Backfill(method = "displayNameOf")
  private String displayName;

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

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }
}
