package dev.godwit.example.model;

/** What a user may do. */
public enum Role {
  /** An ordinary member. */
  MEMBER,
  /** An administrator. */
  ADMIN
}
