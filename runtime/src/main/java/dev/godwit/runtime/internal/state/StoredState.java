package dev.godwit.runtime.internal.state;

import dev.godwit.runtime.MigrationStatus;
import java.time.Instant;

/**
 * One row of the state table: the public status plus what only the engine needs.
 *
 * @param status what users see
 * @param pass 0 during the keyset pass over the range, n during the n-th sweep of rows the
 *     verification still finds; the cursor is a position in that pass
 * @param owner the runner holding the lease, or {@code null}
 * @param leaseExpiresAt when the owner's lease ends unless renewed, or {@code null}
 * @param requested {@code CANCEL} or {@code PAUSE} asked of the owner, or {@code null}
 */
public record StoredState(
    MigrationStatus status, int pass, String owner, Instant leaseExpiresAt, String requested) {}
