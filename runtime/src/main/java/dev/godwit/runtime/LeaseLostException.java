package dev.godwit.runtime;

/** This runner's lease on a migration expired and another runner took it over. */
public final class LeaseLostException extends MigrationException {

  private static final long serialVersionUID = 1L;

  /**
   * The exception for a migration whose lease this runner lost.
   *
   * @param name the migration's name
   */
  public LeaseLostException(String name) {
    super(ErrorCode.LEASE_LOST, ErrorCode.LEASE_LOST.message(name));
  }
}
