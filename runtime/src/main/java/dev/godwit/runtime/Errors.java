package dev.godwit.runtime;

/** How errors are written into the state table and into messages: one line each. */
final class Errors {

  /** The longest error the state table keeps. */
  static final int MAX_LENGTH = 2000;

  private Errors() {}

  /** The error's class simple name and message on one line, shortened to fit the state table. */
  static String oneLine(Throwable error) {
    String message = error.getMessage();
    String text = error.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message.strip());
    text = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
  }
}
