package dev.godwit.processor.behaviour;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The target of a relation: a JPA entity Godwit does not migrate, with an inherited id. */
@Entity
@Table(name = "types")
public class PetType extends BaseEntity {
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
