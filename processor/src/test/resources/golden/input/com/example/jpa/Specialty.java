package com.example.jpa;

import jakarta.persistence.Entity;

@Entity
public class Specialty extends BaseEntity {
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
