package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Options built with the builder are the options the {@code with…} methods make, and checked alike. */
class RunOptionsTest {

  @Test
  void theBuilderAndTheWithMethodsMakeEqualOptions() {
    RunOptions built = RunOptions.builder().dryRun(true).batchSize(500).parallelism(3)
        .pauseBetweenBatches(Duration.ofMillis(20)).leaseDuration(Duration.ofSeconds(5))
        .maxRetries(2).lockTimeout(Duration.ofMillis(300)).exactCountLimit(1_000).build();
    RunOptions chained = RunOptions.dryRun().withBatchSize(500).withParallelism(3)
        .withPauseBetweenBatches(Duration.ofMillis(20)).withLeaseDuration(Duration.ofSeconds(5))
        .withMaxRetries(2).withLockTimeout(Duration.ofMillis(300)).withExactCountLimit(1_000);

    assertEquals(chained, built);
    assertEquals(chained.hashCode(), built.hashCode());
    assertEquals(RunOptions.defaults(), RunOptions.builder().build());
    assertEquals(built, built.toBuilder().build());
    assertEquals(7, built.toBuilder().batchSize(7).build().batchSize());
    assertEquals(500, built.batchSize(), "a builder from options does not change them");
    assertEquals(Duration.ofSeconds(2), RunOptions.defaults().lockTimeout());
    assertEquals(300, built.lockTimeout().toMillis());
    assertEquals(1_000, built.exactCountLimit());
  }

  @Test
  void theBuilderChecksEveryOptionWhenItBuilds() {
    assertEquals("parallelism must be at least 1, not 0", assertThrows(
        IllegalArgumentException.class, () -> RunOptions.builder().parallelism(0).build())
        .getMessage());
    assertEquals("retries cannot be negative, not -1", assertThrows(
        IllegalArgumentException.class, () -> RunOptions.builder().maxRetries(-1).build())
        .getMessage());
    assertEquals("the lock timeout cannot be negative", assertThrows(
        IllegalArgumentException.class,
        () -> RunOptions.builder().lockTimeout(Duration.ofMillis(-1)).build()).getMessage());
    assertEquals("adaptive batches need 1 <= minimum <= maximum, not 50 and 10", assertThrows(
        IllegalArgumentException.class,
        () -> RunOptions.builder().adaptiveBatches(Duration.ofMillis(100), 50, 10).build())
        .getMessage());
    assertEquals("the exact count limit cannot be negative, not -1", assertThrows(
        IllegalArgumentException.class, () -> RunOptions.builder().exactCountLimit(-1).build())
        .getMessage());
  }
}
