package dev.godwit.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * How the values of a field are stored: natively in one column ({@link Scalar}, {@link EnumValue}),
 * through the application's JPA converter ({@link Converted}), or as JSON text ({@link RecordValue},
 * {@link ListValue}).
 */
public sealed interface ValueType {

  /**
   * The Java type of the values, boxed for primitives.
   *
   * @return the type name
   */
  TypeName javaType();

  /**
   * Whether values are stored as JSON text.
   *
   * @return {@code true} for records and lists
   */
  default boolean isJson() {
    return this instanceof RecordValue || this instanceof ListValue;
  }

  /**
   * A value the runtime stores natively.
   *
   * @param kind which one
   */
  record Scalar(ScalarKind kind) implements ValueType {
    @Override
    public TypeName javaType() {
      return kind.type();
    }
  }

  /**
   * An enum, stored as the name or as the ordinal of its constant.
   *
   * @param type the enum class
   * @param constants the names of its constants, in declaration order
   * @param storage which form of a constant the column holds
   */
  record EnumValue(ClassName type, List<String> constants, EnumStorage storage) implements ValueType {
    /** Copies the constants. */
    public EnumValue {
      constants = List.copyOf(constants);
    }

    /**
     * An enum stored by name, as Godwit stores enums unless JPA says otherwise.
     *
     * @param type the enum class
     * @param constants the names of its constants, in declaration order
     */
    public EnumValue(ClassName type, List<String> constants) {
      this(type, constants, EnumStorage.NAME);
    }

    /**
     * The same enum stored in another form.
     *
     * @param other the form
     * @return an enum value of the same type and constants
     */
    public EnumValue storedAs(EnumStorage other) {
      return new EnumValue(type, constants, other);
    }

    @Override
    public TypeName javaType() {
      return type;
    }
  }

  /** The column form of an enum constant: JPA's {@code EnumType}. */
  enum EnumStorage {
    /** The constant's {@link Enum#name() name}, in a text column: {@code EnumType.STRING}. */
    NAME,
    /** The constant's {@link Enum#ordinal() ordinal}, in an integer column: {@code EnumType.ORDINAL}. */
    ORDINAL
  }

  /**
   * A value stored through the application's JPA {@code AttributeConverter}, which the generated code
   * calls in both directions, as the application's framework does.
   *
   * @param javaType the field's type, boxed for primitives ({@code List<String>})
   * @param rawType its erasure, for the {@code Class} argument of the column type ({@code List})
   * @param converter the converter class, created once by its no-argument constructor
   * @param stored the type the converter converts to, which the runtime stores natively
   * @param attribute how the field's type is stored without a converter, which gives a
   *     {@code @Backfill} constant its text form; empty when the type has none
   */
  record Converted(
      TypeName javaType, TypeName rawType, ClassName converter, ScalarKind stored,
      Optional<ValueType> attribute) implements ValueType {}

  /**
   * A record stored as a JSON object, one member per component.
   *
   * @param type the record class
   * @param components its components, in declaration order
   */
  record RecordValue(ClassName type, List<Component> components) implements ValueType {
    /** Copies the components. */
    public RecordValue {
      components = List.copyOf(components);
    }

    @Override
    public TypeName javaType() {
      return type;
    }
  }

  /**
   * One component of a {@link RecordValue}.
   *
   * @param name the component's name, also its accessor's and its JSON member's
   * @param type how its values are stored
   */
  record Component(String name, ValueType type) {}

  /**
   * A {@code java.util.List}, stored as a JSON array.
   *
   * @param element the type of its elements
   */
  record ListValue(ValueType element) implements ValueType {
    @Override
    public TypeName javaType() {
      return ParameterizedTypeName.get(ClassName.get(List.class), element.javaType());
    }
  }
}
