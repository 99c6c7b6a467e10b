package dev.godwit.cli;

import picocli.CommandLine.Option;

/**
 * Which database a command works on. The password comes from the {@value Godwit#PASSWORD_VARIABLE}
 * environment variable, never from an argument, so that it stays out of the shell history and the
 * process list.
 */
final class ConnectionOptions {

  @Option(
      names = "--url",
      paramLabel = "JDBC_URL",
      description = "The database, e.g. jdbc:postgresql://localhost:5432/app or jdbc:h2:./data/app. "
          + "The password is read from the " + Godwit.PASSWORD_VARIABLE + " environment variable.")
  private String url;

  @Option(names = "--user", paramLabel = "USER", description = "The database user.")
  private String user;

  String url() {
    if (url == null || url.isBlank()) {
      throw CommandException.usage("missing option '--url'; name the database, for example "
          + "--url jdbc:postgresql://localhost:5432/app or --url jdbc:h2:./data/app");
    }
    return url;
  }

  String user() {
    return user;
  }
}
