package dev.godwit.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/** How a row that lacks a widened field gets its value: the checked form of {@code @Backfill}. */
public sealed interface Backfill {

  /**
   * Every old row gets the same value.
   *
   * @param text the value in its canonical text form, already checked against the field's type
   */
  record Constant(String text) implements Backfill {}

  /**
   * Old rows copy another field of the same row.
   *
   * @param source the name of the field copied
   */
  record Copy(String source) implements Backfill {}

  /**
   * Old rows get the result of a static method of the entity, called with the row's entity.
   *
   * @param method the method's name
   * @param nullable whether it may return {@code null} (it returns a reference type)
   * @param thrown the exceptions it declares, in declaration order
   */
  record Computed(String method, boolean nullable, List<TypeName> thrown) implements Backfill {
    /** Copies the exceptions. */
    public Computed {
      thrown = List.copyOf(thrown);
    }
  }
}
