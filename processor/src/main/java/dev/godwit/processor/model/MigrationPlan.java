package dev.godwit.processor.model;

import java.util.List;

/**
 * One generated migration, with its verification.
 *
 * @param method the name of its method in {@code XMigrations} and {@code XVerification}
 *     ({@code backfillPlan})
 * @param name its unique name, {@code <table>.<method>} ({@code teams.backfillPlan})
 * @param kind a backfill or a clear
 * @param fields the names of the fields it fills or clears, in declaration order
 * @param batchSize rows per batch, or {@code 0} for the runtime's default
 * @param requires for a clear, the narrowed fields whose backfills read the cleared field: a row still
 *     lacking one of them keeps its old value (clearing it would lose data), and the clear's
 *     verification reports it; empty for a backfill
 */
public record MigrationPlan(
    String method, String name, Kind kind, List<String> fields, int batchSize, List<String> requires) {

  /** What a migration does. */
  public enum Kind {
    /** Fills widened fields on the rows that lack them. */
    BACKFILL,
    /**
     * Sets a field marked for removal to {@code NULL} on every row: in the contract phase, and
     * destroying data.
     */
    CLEAR
  }

  /** Copies the fields. */
  public MigrationPlan {
    fields = List.copyOf(fields);
    requires = List.copyOf(requires);
  }
}
