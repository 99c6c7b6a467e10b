package dev.godwit.processor.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A named entity: the second level of mapped superclasses. */
@MappedSuperclass
public abstract class NamedEntity extends BaseEntity {

  @Column(name = "name")
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
