package dev.godwit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A subcommand of {@code godwit}: finds the application's migrations on the class path, then does its
 * work with them.
 */
abstract class GodwitCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;

  final Context context;

  GodwitCommand(Context context) {
    this.context = context;
  }

  @Override
  public final Integer call() {
    try (Migrations migrations = Migrations.load(common.classPath())) {
      return run(migrations);
    }
  }

  /**
   * Does the command's work.
   *
   * @return the exit code
   */
  abstract int run(Migrations migrations);

  boolean verbose() {
    return common.verbose();
  }
}
