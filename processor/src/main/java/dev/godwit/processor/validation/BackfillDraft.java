package dev.godwit.processor.validation;

import dev.godwit.processor.model.Backfill;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * A checked {@code @Backfill}, with the annotation values later checks point at.
 *
 * @param backfill how old rows get the value
 * @param migration the migration's method name, given or derived ({@code backfillPlan})
 * @param explicitMigration whether {@code migration} was given, so that it may group several fields
 * @param annotation the {@code @Backfill} annotation
 * @param migrationValue the {@code migration} value, or {@code null} when not given
 * @param batchSize the {@code batchSize}, or {@code 0} when not given
 * @param batchSizeValue the {@code batchSize} value, or {@code null} when not given
 */
record BackfillDraft(
    Backfill backfill,
    String migration,
    boolean explicitMigration,
    AnnotationMirror annotation,
    AnnotationValue migrationValue,
    int batchSize,
    AnnotationValue batchSizeValue) {}
