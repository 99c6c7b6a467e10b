package dev.godwit.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.godwit.processor.model.Names;
import dev.godwit.processor.model.ValueType;

/**
 * Compares how two fields store their values, for copies made inside the database: such a copy moves
 * the stored form (an ordinal, a converter's output), which means the same value only if both fields
 * store it the same way.
 */
final class StoredForms {

  private StoredForms() {}

  /** Whether a stored value of one type means the same value in the other, for assignable types. */
  static boolean same(ValueType source, ValueType target) {
    if (source instanceof ValueType.Converted || target instanceof ValueType.Converted) {
      return source instanceof ValueType.Converted from
          && target instanceof ValueType.Converted to
          && from.converter().equals(to.converter())
          && from.stored() == to.stored();
    }
    if (source instanceof ValueType.EnumValue from && target instanceof ValueType.EnumValue to) {
      return from.storage() == to.storage();
    }
    return true;
  }

  /** How a type is stored, for messages: {@code the ordinal of Plan}, {@code String by YesNo}. */
  static String describe(ValueType type) {
    if (type instanceof ValueType.Converted converted) {
      return converted.stored().type().simpleName() + " by converter " + converted.converter().simpleName();
    }
    if (type instanceof ValueType.EnumValue enumValue) {
      return (enumValue.storage() == ValueType.EnumStorage.ORDINAL ? "the ordinal" : "the name")
          + " of " + Names.withArticle(enumValue.type().simpleName()) + " constant";
    }
    String name = type.javaType() instanceof ClassName className
        ? className.simpleName()
        : type.javaType().toString();
    return name + " without a converter";
  }
}
