package com.example.jpa;

/** A vet's rank, stored by ordinal as JPA does by default. */
public enum Rank {
  JUNIOR,
  SENIOR
}
