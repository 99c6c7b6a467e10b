package dev.godwit.runtime.spi;

import java.util.regex.Pattern;

/**
 * Checks that table, schema and column names are safe to put into SQL before they go near it.
 *
 * <p>A name is either plain (letters, digits and underscores, starting with a letter or underscore),
 * which each database folds to the case it stores unquoted names in, or exact: written between double
 * quotes ({@code "\"Customers\""}), the SQL standard's delimited identifier, used by JPA and Hibernate
 * for names that must keep their case or hold other characters. An exact name is used as declared on
 * every database; it may hold any character but the double quote and control characters.
 */
public final class Identifiers {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern EXACT = Pattern.compile("\"[^\"\\p{Cntrl}]{1,63}\"");

  private Identifiers() {}

  public static String check(String kind, String name) {
    if (name == null || !(PLAIN.matcher(name).matches() || EXACT.matcher(name).matches())) {
      throw new IllegalArgumentException(
          kind + " name '" + name + "' is not a plain SQL identifier: use letters, digits and"
              + " underscores, starting with a letter or underscore, at most 63 characters, or write"
              + " the exact name between double quotes");
    }
    return name;
  }

  /** Whether a checked name is exact: quoted, used as declared. */
  public static boolean isExact(String name) {
    return name.startsWith("\"");
  }

  /** A checked name without its quotes: the exact name, or the plain name as declared. */
  public static String text(String name) {
    return isExact(name) ? name.substring(1, name.length() - 1) : name;
  }

  /** How names are compared: exact names by their text, plain names ignoring case. */
  public static String key(String name) {
    return isExact(name) ? name : name.toLowerCase(java.util.Locale.ROOT);
  }
}
