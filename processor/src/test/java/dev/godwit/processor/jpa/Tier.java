package dev.godwit.processor.jpa;

/** A loyalty tier, stored by ordinal wherever JPA's default applies. */
public enum Tier {
  BASIC,
  SILVER,
  GOLD
}
