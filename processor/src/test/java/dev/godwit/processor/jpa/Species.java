package dev.godwit.processor.jpa;

/** What a pet is, derived from its type. */
public enum Species {
  CAT,
  DOG,
  OTHER
}
