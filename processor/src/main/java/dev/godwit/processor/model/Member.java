package dev.godwit.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * One mapped field of an entity and how it maps to columns: its own value in one column, a reference
 * to another entity stored as that entity's id (a JPA owning to-one, or Spring Data JDBC's
 * {@code AggregateReference}), or an embeddable stored as one
 * column per component (a JPA {@code @Embedded} or {@code @EmbeddedId}), or no column of the table
 * at all (a collection, or the inverse side of a relation).
 */
public sealed interface Member {

  /**
   * The field's name.
   *
   * @return the name, as declared
   */
  String name();

  /**
   * The columns of the field, in order.
   *
   * @return one column, or one per component of an embeddable
   */
  List<Property> columns();

  /**
   * A field stored as its value in one column.
   *
   * @param property the column, whose getter and setter are the field's
   */
  record Value(Property property) implements Member {
    @Override
    public String name() {
      return property.name();
    }

    @Override
    public List<Property> columns() {
      return List.of(property);
    }
  }

  /**
   * An owning {@code @ManyToOne} or {@code @OneToOne}, stored as the referenced entity's id in its join
   * column (JPA 3.1 §11.1.25). Reading a row gives a reference holding only that id; writing reads the
   * id of the referenced entity, {@code NULL} for none.
   *
   * @param column the join column, whose getter and setter are the field's and whose type is the id's
   * @param target the referenced entity class
   * @param targetIdGetter how generated code reads the referenced entity's id
   * @param targetIdSetter how generated code sets the id of a new, empty referenced entity
   */
  record Reference(Property column, ClassName target, Accessor targetIdGetter, Accessor targetIdSetter)
      implements Member {
    @Override
    public String name() {
      return column.name();
    }

    @Override
    public List<Property> columns() {
      return List.of(column);
    }
  }

  /**
   * A Spring Data JDBC {@code AggregateReference<T, ID>}, stored as the referenced aggregate's id.
   * Reading a row gives {@code AggregateReference.to(id)}; writing reads {@code getId()}, {@code NULL}
   * for none.
   *
   * @param column the column, whose getter and setter are the field's and whose type is the id's
   * @param type the field's type, {@code AggregateReference<T, ID>}
   */
  record AggregateReference(Property column, TypeName type) implements Member {
    @Override
    public String name() {
      return column.name();
    }

    @Override
    public List<Property> columns() {
      return List.of(column);
    }
  }

  /**
   * An embeddable stored as one column per component (JPA 3.1 §2.5, §11.1.17; Spring Data JDBC's
   * {@code @Embedded}). Reading a row gives {@code null} when every component column is {@code NULL},
   * as Hibernate does, unless Spring Data's {@code onEmpty = USE_EMPTY} asks for an embeddable holding
   * nulls; writing a {@code null} embeddable writes {@code NULL} into every component column.
   *
   * @param name the field's name
   * @param type the embeddable class
   * @param getter how generated code reads the field
   * @param setter how generated code writes the field, for entities built by setters; empty otherwise
   * @param construction how generated code builds the embeddable from its components
   * @param emptyWhenNull whether a row whose component columns are all {@code NULL} gives an
   *     embeddable holding nulls rather than {@code null}
   * @param components one column per component, in declaration order; each property's getter and
   *     setter are the component's, on the embeddable
   */
  record Embedded(
      String name,
      ClassName type,
      Accessor getter,
      Optional<Accessor> setter,
      Entity.Construction construction,
      boolean emptyWhenNull,
      List<Property> components) implements Member {

    /** Copies the components. */
    public Embedded {
      components = List.copyOf(components);
    }

    @Override
    public List<Property> columns() {
      return components;
    }
  }

  /**
   * A field that is no column of the table: a collection-valued relation or element collection, the
   * inverse side of a relation, or a to-one whose column another field maps. Generated code never
   * reads or writes it; an entity built by a constructor gets {@code null} for it, one built by
   * setters keeps what its no-argument constructor leaves.
   *
   * @param name the field's name
   * @param description what the field is, for documentation ("a @OneToMany collection")
   */
  record Unmapped(String name, String description) implements Member {
    @Override
    public List<Property> columns() {
      return List.of();
    }
  }
}
