package dev.godwit.runtime;

import java.util.regex.Pattern;

/** Checks that table and column names are plain SQL identifiers before they go near SQL. */
final class Identifiers {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private Identifiers() {}

  static String check(String kind, String name) {
    if (name == null || !PLAIN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          kind + " name '" + name + "' is not a plain SQL identifier: use letters, digits and"
              + " underscores, starting with a letter or underscore, at most 63 characters");
    }
    return name;
  }
}
