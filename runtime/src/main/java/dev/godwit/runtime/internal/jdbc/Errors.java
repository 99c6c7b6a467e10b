package dev.godwit.runtime.internal.jdbc;

/** How errors are written into the state table and into messages: one line each. */
public final class Errors {

  /** The longest error the state table keeps. */
  public static final int MAX_LENGTH = 2000;

  private Errors() {}

  /** The error's class simple name and message on one line, shortened to fit the state table. */
  public static String oneLine(Throwable error) {
    String message = error.getMessage();
    String text = error.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message.strip());
    text = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
  }
}
