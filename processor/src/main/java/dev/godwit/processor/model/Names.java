package dev.godwit.processor.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Derives SQL and Java names from Java names, the same way under every default locale: nothing here
 * calls a case conversion that depends on it (a Turkish locale would turn {@code "I"} into a dotless
 * {@code "ı"}).
 */
public final class Names {

  /** A name the runtime accepts as a table or column name: it is the same check. */
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private Names() {}

  /**
   * The snake_case of a Java name: {@code isPro} to {@code is_pro}, {@code userID} to {@code user_id},
   * {@code HTTPCode} to {@code http_code}.
   *
   * @param name a Java name
   * @return its snake_case
   */
  public static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLowerOrDigit = i > 0
            && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
        boolean endsAcronym = i > 0 && i + 1 < name.length()
            && Character.isUpperCase(name.charAt(i - 1)) && Character.isLowerCase(name.charAt(i + 1));
        if (afterLowerOrDigit || endsAcronym) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The name of the constant for a Java name: {@code isPro} to {@code IS_PRO}.
   *
   * @param name a Java name
   * @return its UPPER_SNAKE_CASE
   */
  public static String constantName(String name) {
    return snakeCase(name).toUpperCase(Locale.ROOT);
  }

  /**
   * A name with its first letter in upper case: {@code plan} to {@code Plan}.
   *
   * @param name a Java name
   * @return the capitalized name
   */
  public static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * A name with its first letter in lower case: {@code Team} to {@code team}.
   *
   * @param name a Java name
   * @return the decapitalized name
   */
  public static String decapitalize(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * Whether a name is a plain SQL identifier, the only kind the runtime accepts for tables and columns.
   *
   * @param name a table or column name
   * @return {@code true} for at most 63 ASCII letters, digits and underscores, not starting with a digit
   */
  public static boolean isPlainIdentifier(String name) {
    return PLAIN_IDENTIFIER.matcher(name).matches();
  }

  /**
   * The plain SQL identifier closest to a name, to suggest in an error.
   *
   * @param name a name that may not be a plain SQL identifier
   * @return one that is
   */
  public static String suggestIdentifier(String name) {
    String snake = snakeCase(name).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < snake.length() && out.length() < 63; i++) {
      char c = snake.charAt(i);
      boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
      out.append(plain ? c : '_');
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.length() > 63 ? out.substring(0, 63) : out.toString();
  }
}
