package dev.godwit.processor.model;

/**
 * How generated code reaches a field of an entity: through a method ({@code team.plan()},
 * {@code team.setPlan(v)}) or the field itself ({@code team.plan}).
 *
 * @param name the method's or the field's name
 * @param isMethod {@code true} for a method
 */
public record Accessor(String name, boolean isMethod) {

  /**
   * A getter or setter.
   *
   * @param name the method's name
   * @return the accessor
   */
  public static Accessor method(String name) {
    return new Accessor(name, true);
  }

  /**
   * Direct access to a non-private field.
   *
   * @param name the field's name
   * @return the accessor
   */
  public static Accessor field(String name) {
    return new Accessor(name, false);
  }
}
