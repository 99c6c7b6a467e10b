package dev.godwit.processor.behaviour;

/** What an account pays for. */
public enum Plan {
  FREE,
  PRO
}
