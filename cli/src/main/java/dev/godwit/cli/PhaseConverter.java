package dev.godwit.cli;

import dev.godwit.runtime.Phase;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a phase that holds schema steps as the documentation writes it: {@code expand},
 * {@code narrow} or {@code contract}, in any case. The migrate phase holds migrations, which
 * {@code godwit run} runs, and no schema step.
 */
final class PhaseConverter implements ITypeConverter<Phase> {

  @Override
  public Phase convert(String value) {
    String label = value.strip().toLowerCase(Locale.ROOT);
    if (label.equals(Phase.MIGRATE.label())) {
      throw new TypeConversionException("the migrate phase holds no schema step, only migrations, "
          + "which 'godwit run' runs; give expand, narrow or contract");
    }
    for (Phase phase : Phase.values()) {
      if (phase.label().equals(label)) {
        return phase;
      }
    }
    throw new TypeConversionException("'" + value + "' is not a phase; give expand, narrow or "
        + "contract");
  }
}
