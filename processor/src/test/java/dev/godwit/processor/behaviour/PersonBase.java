package dev.godwit.processor.behaviour;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A second mapped superclass: a person's names, read and written through getters and setters. */
@MappedSuperclass
public abstract class PersonBase extends BaseEntity {
  @Column(name = "first_name")
  private String firstName;

  private String lastName;

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }
}
