package dev.godwit.processor.behaviour;

/** A subscription's level, stored by ordinal: BASIC is 0, PRO 1, ENTERPRISE 2. */
public enum Tier {
  BASIC,
  PRO,
  ENTERPRISE
}
