package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.testing.Cli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be reached exits with 1 and a sentence naming where it was looked for. */
class ConnectionErrorsTest {

  @Test
  void serverThatDoesNotAnswerIsNamedByHostAndPort() throws IOException {
    int port = closedPort();

    Cli.Result result = Cli.run("status", "--url", "jdbc:postgresql://127.0.0.1:" + port + "/app");

    assertEquals(Godwit.EXIT_FAILED, result.exitCode(), result::toString);
    assertEquals("godwit status: could not reach the database at 127.0.0.1:" + port
        + " (connection refused); check --url and that the database server is running\n", result.err());
  }

  @Test
  void h2ServerThatDoesNotAnswerIsNamedByHostAndPort() throws IOException {
    int port = closedPort();

    Cli.Result result = Cli.run("run", "--all", "--url", "jdbc:h2:tcp://localhost:" + port + "/./app");

    assertEquals(Godwit.EXIT_FAILED, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("godwit run: could not reach the database at localhost:" + port
        + " ("), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
  }

  @Test
  void h2FileThatDoesNotExistIsNotCreated(@TempDir Path folder) {
    Path database = folder.resolve("typo");

    Cli.Result result = Cli.run("status", "--url", "jdbc:h2:" + database);

    assertEquals(Godwit.EXIT_FAILED, result.exitCode(), result::toString);
    assertEquals("godwit status: there is no H2 database at " + database
        + "; check --url (godwit never creates a database)\n", result.err());
    assertFalse(Files.exists(folder.resolve("typo.mv.db")), "the database file must not be created");
  }

  @Test
  void verboseAddsTheStackTrace() throws IOException {
    int port = closedPort();

    Cli.Result result = Cli.run("status", "--verbose", "--url", "jdbc:postgresql://127.0.0.1:" + port + "/app");

    assertEquals(Godwit.EXIT_FAILED, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("godwit status: could not reach the database at 127.0.0.1:" + port),
        result::toString);
    assertTrue(result.err().contains("\tat "), result::toString);
    assertTrue(result.err().contains("Caused by: "), result::toString);
  }

  /** A port nothing listens on: one that was free a moment ago. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
