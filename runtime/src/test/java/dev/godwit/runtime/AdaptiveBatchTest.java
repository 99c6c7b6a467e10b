package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batches that adapt their size move toward the target duration, at most twofold from one batch to
 * the next and within their minimum and maximum; without a target they keep their size. Sizes are
 * read from the progress listener; no duration is asserted.
 */
class AdaptiveBatchTest {

  /** The rows of each committed batch, in order (the listener also sees the run's end). */
  private static List<Long> batchSizes(Db db, Migration<User> migration, RunOptions options) {
    List<Long> visited = new CopyOnWriteArrayList<>();
    RunResult result = db.migrator().run(migration,
        options.withListener(status -> visited.add(status.rowsVisited())));
    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    List<Long> sizes = new ArrayList<>();
    long before = 0;
    for (long total : visited) {
      if (total > before) {
        sizes.add(total - before);
      }
      before = total;
    }
    return sizes;
  }

  private static void assertGrowthBounded(List<Long> sizes, long min, long max) {
    for (int i = 1; i < sizes.size() - 1; i++) {
      long previous = sizes.get(i - 1);
      long size = sizes.get(i);
      assertTrue(size <= 2 * previous && size >= previous / 2 && size >= min && size <= max,
          "batch " + i + " of " + sizes);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void slowRowsShrinkTheBatchesTowardTheTargetHalvingAtMostAtEachStep(TestDatabase kind) {
    Db db = User.withAudit(kind, 300);
    Migration<User> slow = User.audited("users.slow", (ctx, user) -> Thread.sleep(2));

    List<Long> sizes = batchSizes(db, slow, RunOptions.defaults().withBatchSize(100)
        .withAdaptiveBatches(Duration.ofMillis(40), 5, 400));

    System.out.println(kind + ": batch sizes " + sizes);
    assertEquals(100, sizes.get(0));
    assertTrue(sizes.stream().skip(2).anyMatch(size -> size < 50), String.valueOf(sizes));
    assertGrowthBounded(sizes, 5, 400);
    assertEquals(300, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
    assertEquals(300, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void fastRowsGrowTheBatchesDoublingAtMostUpToTheMaximum(TestDatabase kind) {
    Db db = User.withAudit(kind, 300);
    Migration<User> fast = User.audited("users.fast", (ctx, user) -> { });

    List<Long> sizes = batchSizes(db, fast, RunOptions.defaults().withBatchSize(10)
        .withAdaptiveBatches(Duration.ofSeconds(5), 1, 40));

    assertEquals(List.of(10L, 20L, 40L, 40L), sizes.subList(0, 4));
    assertGrowthBounded(sizes, 1, 40);
    assertEquals(300, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void withoutATargetEveryBatchKeepsItsSize(TestDatabase kind) {
    Db db = User.withAudit(kind, 95);
    Migration<User> slow = User.audited("users.fixed", (ctx, user) -> Thread.sleep(1));

    List<Long> sizes = batchSizes(db, slow, RunOptions.defaults().withBatchSize(20));

    assertEquals(List.of(20L, 20L, 20L, 20L, 15L), sizes);
  }
}
