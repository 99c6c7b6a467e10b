package dev.godwit.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Everything the generators need to know about one {@code @MigratedTable} entity, checked and free of
 * compiler types, so that writers depend on nothing but this model.
 *
 * @param type the entity class
 * @param table the table's name: a checked plain SQL identifier, or an exact name between double
 *     quotes ({@code "Customers"})
 * @param members its mapped fields, those of its {@code @MappedSuperclass} ancestors first (root first),
 *     then its own, each in declaration order (JPA's order)
 * @param construction how a row becomes an entity
 * @param migrations its migrations, in the order they must run
 * @param usesDeprecated whether generated code touches deprecated elements, and must say so
 * @param schema the schema the table is in, named like the table; empty for the connection's default
 * @param version the field holding the optimistic-lock version, incremented by every row Godwit
 *     writes; empty when there is none
 * @param removed the columns the code declares removed ({@code @MigratedTable(removed = ...)}), which
 *     no field maps and the contract phase drops: checked names in the runtime's form, in declaration
 *     order
 */
public record Entity(
    ClassName type,
    String table,
    List<Member> members,
    Construction construction,
    List<MigrationPlan> migrations,
    boolean usesDeprecated,
    Optional<String> schema,
    Optional<String> version,
    List<String> removed) {

  /** How generated code builds an entity from a row. */
  public enum Construction {
    /** One constructor call with every field in member order (a record's canonical one). */
    CONSTRUCTOR,
    /** A no-argument constructor, then one setter (or field assignment) per field. */
    SETTERS
  }

  /** Copies the lists. */
  public Entity {
    members = List.copyOf(members);
    migrations = List.copyOf(migrations);
    removed = List.copyOf(removed);
  }

  /**
   * Every mapped column, in member order: one per plain field or reference, one per component of an
   * embeddable.
   *
   * @return the columns' properties
   */
  public List<Property> properties() {
    return members.stream().flatMap(member -> member.columns().stream()).toList();
  }

  /**
   * The key columns, in key order: inherited {@code @Id} fields first, then the entity's own, each in
   * declaration order; for an {@code @EmbeddedId}, its components in declaration order.
   *
   * @return at least one property
   */
  public List<Property> key() {
    return properties().stream().filter(Property::id).toList();
  }

  /**
   * The first key column, the only one of a single key.
   *
   * @return the property marked as id
   */
  public Property id() {
    return key().get(0);
  }

  /**
   * The migration that fills a field, a widened or narrowed one.
   *
   * @param name the field's name
   * @return the backfill filling it
   * @throws NoSuchElementException if no backfill fills the field
   */
  public MigrationPlan fillerOf(String name) {
    return migrations.stream()
        .filter(plan -> plan.kind() == MigrationPlan.Kind.BACKFILL && plan.fields().contains(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(name));
  }

  /**
   * The property of a given field.
   *
   * @param name the field's name
   * @return the property
   * @throws NoSuchElementException if the entity maps no such field
   */
  public Property property(String name) {
    return properties().stream()
        .filter(property -> property.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(name));
  }

  /**
   * The table's name in migration names and messages: {@code billing.teams}, {@code teams}, and exact
   * names without their quotes ({@code Customers}).
   *
   * @return the schema-qualified name's text
   */
  public String qualifiedTable() {
    return qualifiedTable(schema, table);
  }

  /**
   * The text of a schema-qualified table name, as {@link #qualifiedTable()} gives it.
   *
   * @param schema the schema, plain or exact, or empty
   * @param table the table, plain or exact
   * @return {@code schema.table} or {@code table}, exact names without their quotes
   */
  public static String qualifiedTable(Optional<String> schema, String table) {
    return schema.map(name -> Names.text(name) + ".").orElse("") + Names.text(table);
  }

  /**
   * The {@code XTable} class.
   *
   * @return its name
   */
  public ClassName tableClass() {
    return generated("Table");
  }

  /**
   * The {@code XTable.XPatch} class.
   *
   * @return its name
   */
  public ClassName patchClass() {
    return tableClass().nestedClass(prefix() + "Patch");
  }

  /**
   * The {@code XMigrations} class.
   *
   * @return its name
   */
  public ClassName migrationsClass() {
    return generated("Migrations");
  }

  /**
   * The {@code XDualRead} class.
   *
   * @return its name
   */
  public ClassName dualReadClass() {
    return generated("DualRead");
  }

  /**
   * The {@code XVerification} class.
   *
   * @return its name
   */
  public ClassName verificationClass() {
    return generated("Verification");
  }

  private ClassName generated(String suffix) {
    return ClassName.get(type.packageName(), prefix() + suffix);
  }

  /** {@code Team} for a top-level entity, {@code Outer_Team} for one nested in {@code Outer}. */
  private String prefix() {
    return String.join("_", type.simpleNames());
  }
}
