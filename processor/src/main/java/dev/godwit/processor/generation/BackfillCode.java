package dev.godwit.processor.generation;

import com.palantir.javapoet.CodeBlock;
import dev.godwit.processor.model.Backfill;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.Property;
import java.util.Objects;

/** The Java expression of a backfilled value, shared by dual reads and migrations so they agree. */
final class BackfillCode {

  private BackfillCode() {}

  /** The value a row held in a variable gets: the constant, the copied field, or the method's result. */
  static CodeBlock value(Entity entity, Property property, String variable) {
    Backfill backfill = property.backfill().orElseThrow();
    if (backfill instanceof Backfill.Constant constant) {
      return ValueCode.constant(property.type(), constant.text());
    }
    if (backfill instanceof Backfill.Copy copy) {
      return ValueCode.read(variable, entity.property(copy.source()).getter());
    }
    return CodeBlock.of("$T.$L($L)", entity.type(), ((Backfill.Computed) backfill).method(), variable);
  }

  /**
   * The method's result, refused when {@code null}: such a row would stay in the old format, so the
   * migration fails on it (with its id) rather than finish unverified.
   */
  static CodeBlock required(Entity entity, Property property, String variable) {
    Backfill.Computed computed = (Backfill.Computed) property.backfill().orElseThrow();
    CodeBlock call = value(entity, property, variable);
    if (!computed.nullable()) {
      return call;
    }
    return CodeBlock.of("$T.requireNonNull($L,$W$S)", Objects.class, call,
        entity.type().simpleName() + "." + computed.method() + " returned null, so this row would keep"
            + " no " + property.name());
  }
}
