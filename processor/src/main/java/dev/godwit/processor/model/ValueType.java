package dev.godwit.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * How the values of a field are stored: natively in one column ({@link Scalar}, {@link EnumValue}), or
 * as JSON text ({@link RecordValue}, {@link ListValue}).
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
   * An enum, stored as the name of its constant.
   *
   * @param type the enum class
   * @param constants the names of its constants, in declaration order
   */
  record EnumValue(ClassName type, List<String> constants) implements ValueType {
    /** Copies the constants. */
    public EnumValue {
      constants = List.copyOf(constants);
    }

    @Override
    public TypeName javaType() {
      return type;
    }
  }

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
