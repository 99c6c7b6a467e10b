package dev.godwit.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * The single-column value types the runtime stores natively. Each has a constant of the same name in
 * both {@code dev.godwit.runtime.ColumnType} and {@code dev.godwit.runtime.JsonCodec}.
 */
public enum ScalarKind {
  /** {@code String}. */
  STRING("java.lang", "String"),
  /** {@code Boolean} and {@code boolean}. */
  BOOLEAN("java.lang", "Boolean"),
  /** {@code Integer} and {@code int}. */
  INTEGER("java.lang", "Integer"),
  /** {@code Long} and {@code long}. */
  LONG("java.lang", "Long"),
  /** {@code Double} and {@code double}. */
  DOUBLE("java.lang", "Double"),
  /** {@code BigDecimal}. */
  DECIMAL("java.math", "BigDecimal"),
  /** {@code UUID}. */
  UUID("java.util", "UUID"),
  /** {@code Instant}. */
  INSTANT("java.time", "Instant"),
  /** {@code LocalDate}. */
  LOCAL_DATE("java.time", "LocalDate"),
  /** {@code LocalDateTime}. */
  LOCAL_DATE_TIME("java.time", "LocalDateTime");

  private final ClassName type;

  ScalarKind(String packageName, String simpleName) {
    this.type = ClassName.get(packageName, simpleName);
  }

  /**
   * The Java class of the values, boxed for primitives.
   *
   * @return the class name
   */
  public ClassName type() {
    return type;
  }

  /**
   * The kind whose Java class has a given qualified name.
   *
   * @param qualifiedName a boxed or reference type's qualified name
   * @return the kind, or {@code null} if no kind stores that class
   */
  public static ScalarKind forQualifiedName(String qualifiedName) {
    for (ScalarKind kind : values()) {
      if (kind.type.canonicalName().equals(qualifiedName)) {
        return kind;
      }
    }
    return null;
  }
}
