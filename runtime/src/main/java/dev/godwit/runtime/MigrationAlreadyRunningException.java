package dev.godwit.runtime;

/** Another runner holds a live lease on the migration; nothing was done. */
public class MigrationAlreadyRunningException extends MigrationException {

  private static final long serialVersionUID = 1L;

  /**
   * The exception for a migration.
   *
   * @param name the migration's name
   */
  public MigrationAlreadyRunningException(String name) {
    super(ErrorCode.ALREADY_RUNNING, ErrorCode.ALREADY_RUNNING.message(name));
  }
}
