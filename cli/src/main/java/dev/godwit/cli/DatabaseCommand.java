package dev.godwit.cli;

import picocli.CommandLine.Mixin;

/** A subcommand that works on a database named by {@code --url} and {@code --user}. */
abstract class DatabaseCommand extends GodwitCommand {

  @Mixin private ConnectionOptions connection;

  DatabaseCommand(Context context) {
    super(context);
  }

  /** Connects; call it after checking the arguments, so that bad usage is reported first. */
  Database connect() {
    return Database.open(connection.url(), connection.user(),
        context.environment().get(Godwit.PASSWORD_VARIABLE));
  }

  /** A pool on a replica, connecting as {@code --user} with the same password. */
  com.zaxxer.hikari.HikariDataSource connectReplica(String url) {
    return Database.replica(url, connection.user(),
        context.environment().get(Godwit.PASSWORD_VARIABLE));
  }
}
