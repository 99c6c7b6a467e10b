package dev.godwit.example.spring;

/** A member's role. */
public enum Role {
  /** What every member had before roles existed. */
  MEMBER,
  /** A member who administers the team. */
  ADMIN
}
