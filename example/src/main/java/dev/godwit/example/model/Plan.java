package dev.godwit.example.model;

/** A team's subscription, replacing the old {@code is_pro} flag. */
public enum Plan {
  /** The free plan. */
  BASIC,
  /** The paid plan. */
  PRO
}
