package com.example;

/** What a team pays for. */
public enum Plan {
  FREE,
  PRO
}
