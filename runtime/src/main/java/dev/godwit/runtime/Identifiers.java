package dev.godwit.runtime;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of table, schema and column names, shared by the runtime (which checks every name
 * before it goes near SQL) and the annotation processor (which checks declared names at compile
 * time), so both accept exactly the same names.
 *
 * <p>A name is either plain (letters, digits and underscores, starting with a letter or underscore,
 * at most {@value #MAX_LENGTH} characters), which each database folds to the case it stores unquoted
 * names in, or exact: written between double quotes ({@code "\"Customers\""}), the SQL standard's
 * delimited identifier, used by JPA and Hibernate for names that must keep their case or hold other
 * characters. An exact name is used as declared on every database; its text may hold any character
 * but the double quote and control characters, and at most {@value #MAX_LENGTH} of them (PostgreSQL
 * keeps no more of a name: NAMEDATALEN is 64 bytes with its terminator).
 */
public final class Identifiers {

  /** The longest name, plain or exact, in characters. */
  public static final int MAX_LENGTH = 63;

  private static final Pattern PLAIN =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0," + (MAX_LENGTH - 1) + "}");

  private Identifiers() {}

  /**
   * Checks a name.
   *
   * @param kind what the name names, for the message: {@code "table"}, {@code "column"}
   * @param name a plain name, or an exact one between double quotes
   * @return the name
   * @throws IllegalArgumentException saying what a name may hold, if it is neither
   */
  public static String check(String kind, String name) {
    if (name == null || !(isPlain(name) || isValidExact(name))) {
      throw new IllegalArgumentException(
          kind + " name '" + name + "' is not a plain SQL identifier: use letters, digits and"
              + " underscores, starting with a letter or underscore, at most 63 characters, or write"
              + " the exact name between double quotes");
    }
    return name;
  }

  /**
   * Whether a name is a plain SQL identifier, which the database folds to its case.
   *
   * @param name a name
   * @return {@code true} for at most 63 ASCII letters, digits and underscores, not starting with a
   *     digit
   */
  public static boolean isPlain(String name) {
    return PLAIN.matcher(name).matches();
  }

  /**
   * What is wrong with the text of an exact name, if anything.
   *
   * @param text the name without its quotes
   * @return the fault as a phrase ({@code "it holds a double quote"}), or {@code null} when the text
   *     is a valid exact name
   */
  public static String exactFault(String text) {
    if (text.isEmpty()) {
      return "it is empty";
    }
    if (text.length() > MAX_LENGTH) {
      return "it is longer than " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        return "it holds a double quote";
      }
      if (Character.isISOControl(c)) {
        return "it holds a control character";
      }
    }
    return null;
  }

  private static boolean isValidExact(String name) {
    return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
        && exactFault(name.substring(1, name.length() - 1)) == null;
  }

  /**
   * The SQL name Spring Boot's default naming strategy ({@code CamelCaseToUnderscoresNamingStrategy})
   * gives a name: dots become underscores, an underscore goes between a lower-case letter and an
   * upper-case one followed by a lower-case one, and all is in lower case ({@code isPro} to
   * {@code is_pro}, {@code externalID} to {@code externalid}, {@code line2Code} to
   * {@code line2code}). The processor names unnamed columns and tables with it, and the catalog check
   * uses it to point out a column Spring Boot would have named differently.
   *
   * @param name a Java name, or a logical name such as {@code petType_id}
   * @return the physical SQL name
   */
  public static String physicalName(String name) {
    StringBuilder out = new StringBuilder(name.replace('.', '_'));
    for (int i = 1; i < out.length() - 1; i++) {
      if (Character.isLowerCase(out.charAt(i - 1)) && Character.isUpperCase(out.charAt(i))
          && Character.isLowerCase(out.charAt(i + 1))) {
        out.insert(i++, '_');
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a checked name is exact: quoted, used as declared.
   *
   * @param name a checked name
   * @return {@code true} if it is written between double quotes
   */
  public static boolean isExact(String name) {
    return name.startsWith("\"");
  }

  /**
   * A checked name's text: an exact name without its quotes, a plain name as declared.
   *
   * @param name a checked name
   * @return its text
   */
  public static String text(String name) {
    return isExact(name) ? name.substring(1, name.length() - 1) : name;
  }

  /**
   * How names are compared: exact names by their text, plain names ignoring case (each database
   * folds them).
   *
   * @param name a checked name
   * @return the form two names are equal in when they name the same thing
   */
  public static String key(String name) {
    return isExact(name) ? name : name.toLowerCase(Locale.ROOT);
  }
}
