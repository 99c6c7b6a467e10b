package dev.godwit.processor.model;

import dev.godwit.runtime.Identifiers;
import java.util.Locale;

/**
 * Derives SQL and Java names from Java names, the same way under every default locale: nothing here
 * calls a case conversion that depends on it (a Turkish locale would turn {@code "I"} into a dotless
 * {@code "ı"}).
 */
public final class Names {

  /** The most characters an exact name may hold between its quotes: the runtime's own limit. */
  public static final int MAX_EXACT_LENGTH = Identifiers.MAX_LENGTH;

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
   * The SQL name a Java name gets when nothing declares one: the physical name Spring Boot's default
   * naming strategy ({@code CamelCaseToUnderscoresNamingStrategy}) gives it, so that a Godwit entity
   * and a Spring Boot application agree on every column: dots become underscores, an underscore goes
   * between a lower-case letter and an upper-case one followed by a lower-case one, and all is in lower
   * case ({@code isPro} to {@code is_pro}, but {@code externalID} to {@code externalid} and
   * {@code line2Code} to {@code line2code}, as Spring Boot names them).
   *
   * @param name a Java name, or a logical name such as {@code petType_id}
   * @return the physical SQL name
   */
  public static String physicalName(String name) {
    return Identifiers.physicalName(name);
  }

  /**
   * A name after the indefinite article its first letter calls for: {@code a Plan}, {@code an
   * OrderStatus}.
   *
   * @param name a type's simple name
   * @return the name with {@code a} or {@code an} before it
   */
  public static String withArticle(String name) {
    return ("AEIOU".indexOf(Character.toUpperCase(name.isEmpty() ? 'x' : name.charAt(0))) >= 0
        ? "an " : "a ") + name;
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
   * Whether a name is a plain SQL identifier, which the database folds to its case; the runtime also
   * accepts exact names between double quotes (see {@link #exactNameFault}).
   *
   * @param name a table or column name
   * @return {@code true} for at most 63 ASCII letters, digits and underscores, not starting with a digit
   */
  public static boolean isPlainIdentifier(String name) {
    return Identifiers.isPlain(name);
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

  /**
   * Whether a declared name asks to be used exactly: written between double quotes ({@code "Customers"},
   * the SQL standard's delimited identifier, also JPA's convention, Jakarta Persistence 3.1 section
   * 2.13) or between backticks ({@code `Customers`}, Hibernate's convention).
   *
   * @param declared a table, schema or column name as declared in an annotation
   * @return {@code true} if it starts and ends with a double quote, or with a backtick
   */
  public static boolean isQuoted(String declared) {
    return declared.length() >= 2
        && ((declared.startsWith("\"") && declared.endsWith("\""))
            || (declared.startsWith("`") && declared.endsWith("`")));
  }

  /**
   * The text between the quotes of a quoted name.
   *
   * @param declared a name for which {@link #isQuoted} holds
   * @return the name without its quotes
   */
  public static String unquoted(String declared) {
    return declared.substring(1, declared.length() - 1);
  }

  /**
   * What is wrong with the text of an exact name, if anything: the runtime writes it between double
   * quotes into SQL, so it can hold neither a double quote nor a control character, and PostgreSQL
   * keeps at most {@value #MAX_EXACT_LENGTH} characters of a name.
   *
   * @param text the name without its quotes
   * @return the fault as a phrase, or {@code null} when the text is a valid exact name
   */
  public static String exactNameFault(String text) {
    return Identifiers.exactFault(text);
  }

  /**
   * The name a checked name goes by in migration names and messages: a plain name as declared, an
   * exact one without its quotes ({@code "Customers"} is {@code Customers}).
   *
   * @param name a plain name, or an exact one between double quotes
   * @return the name's text
   */
  public static String text(String name) {
    return Identifiers.text(name);
  }

  /**
   * How the database tells names apart: plain names ignoring case (each database folds them), exact
   * names exactly.
   *
   * @param name a plain name, or an exact one between double quotes
   * @return the form two names are equal in when they name the same thing
   */
  public static String key(String name) {
    return Identifiers.key(name);
  }
}
