package dev.godwit.processor.validation;

/**
 * What the baseline (the schema snapshot of the last deploy) says filled a widened or narrowed field:
 * the processor's memory of a {@code @Backfill} that the code of this deploy no longer carries.
 *
 * @param source {@code value}, {@code from} or {@code method}: which member of {@code @Backfill}
 * @param text the constant's canonical text, the copied field's name, or the method's name
 * @param migration the migration's method name ({@code backfillPlan})
 * @param batchSize the migration's rows per batch, or zero for the runtime's default
 * @param widened whether the field was {@code @Widened} in the baseline (rather than narrowed)
 */
public record BaselineBackfill(
    String source, String text, String migration, int batchSize, boolean widened) {}
