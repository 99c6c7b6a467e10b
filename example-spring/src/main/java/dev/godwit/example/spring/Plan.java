package dev.godwit.example.spring;

/** A team's plan: what replaces the old {@code is_pro} flag. */
public enum Plan {
  /** What a team that was not pro has. */
  BASIC,
  /** What a pro team has. */
  PRO
}
