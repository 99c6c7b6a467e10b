package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.RowChange;
import java.util.List;

/**
 * What one batch did.
 *
 * @param visited rows read and migrated
 * @param changed of those, rows written or deleted
 * @param lastId the id of the batch's last row, or {@code null} for an empty batch
 * @param changes for a dry run, up to ten changed rows before and after
 */
public record BatchOutcome(int visited, long changed, Object lastId, List<RowChange> changes) {

  public static final BatchOutcome EMPTY = new BatchOutcome(0, 0, null, List.of());

  public boolean isEmpty() {
    return visited == 0;
  }
}
