package dev.godwit.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.godwit.processor.model.Names;
import dev.godwit.processor.model.Property;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads the fields that JPA and Spring Data JDBC map to other columns than one of their own value:
 * owning to-one relations, stored as the referenced entity's id in their join column (JPA 3.1 §11.1.25
 * and §11.1.26), Spring Data JDBC's {@code AggregateReference}, stored as the referenced id, and
 * embeddables, stored as one column per component (JPA 3.1 §11.1.17, with {@code @AttributeOverride}
 * from §11.1.4; Spring Data JDBC's {@code @Embedded} prefixes the component columns and may ask for an
 * empty embeddable rather than {@code null} when all are {@code NULL}).
 *
 * <p>Also tells which fields are no column of their own: collections and element collections (Spring
 * Data JDBC's {@code @MappedCollection} too), the inverse sides of relations ({@code mappedBy}),
 * to-ones through a join table, to-ones sharing the primary key ({@code @MapsId},
 * {@code @PrimaryKeyJoinColumn}) and read-only to-ones whose join column another field writes. Those
 * are not read into the entities generated code builds, so a backfill method sees them as the entity's
 * no-argument or canonical constructor leaves them.
 */
final class MemberReader {

  /**
   * What a field that is no column of the table is, for messages.
   *
   * @param description such as "a @OneToMany collection"
   */
  record NotAColumn(String description) {}

  private final Types types;
  private final Visibility visibility;
  private final AccessReader access;
  private final ValueTypeReader valueTypes;
  private final ColumnMappingReader mappings;

  MemberReader(ReadContext context, ColumnMappingReader mappings) {
    this.types = context.types();
    this.visibility = context.visibility();
    this.access = new AccessReader(context);
    this.valueTypes = new ValueTypeReader(context);
    this.mappings = mappings;
  }

  /**
   * Whether a field is no column of its entity's table: a collection-valued relation or element
   * collection, the inverse side of a relation ({@code mappedBy}), or a to-one through a join table.
   */
  static Optional<NotAColumn> notAColumn(VariableElement field) {
    Optional<AnnotationMirror> toMany = Annotations.findAny(field, AnnotationNames.TO_MANYS);
    if (toMany.isPresent()) {
      return Optional.of(new NotAColumn("a @" + simpleName(toMany.get()) + " collection"));
    }
    if (Annotations.find(field, AnnotationNames.SPRING_MAPPED_COLLECTION).isPresent()) {
      return Optional.of(new NotAColumn("a Spring Data @MappedCollection"));
    }
    Optional<AnnotationMirror> toOne = Annotations.findAny(field, AnnotationNames.TO_ONES);
    if (toOne.isPresent() && Annotations.explicitText(toOne.get(), "mappedBy").isPresent()) {
      return Optional.of(new NotAColumn("the inverse side of a @" + simpleName(toOne.get())));
    }
    if (toOne.isPresent() && Annotations.findAny(field, AnnotationNames.JOIN_TABLES).isPresent()) {
      return Optional.of(new NotAColumn("a @" + simpleName(toOne.get()) + " through a @JoinTable"));
    }
    if (toOne.isPresent() && Annotations.findAny(field, AnnotationNames.SHARED_KEYS).isPresent()) {
      return Optional.of(new NotAColumn("a @" + simpleName(toOne.get()) + " sharing the primary key's"
          + " column"));
    }
    Optional<AnnotationMirror> joinColumn = Annotations.findAny(field, AnnotationNames.JOIN_COLUMNS);
    if (toOne.isPresent() && joinColumn.isPresent()
        && isFalse(joinColumn.get(), "insertable") && isFalse(joinColumn.get(), "updatable")) {
      // JPA's way of mapping one column twice: the plain field that writes it is the column.
      return Optional.of(new NotAColumn("a read-only @" + simpleName(toOne.get()) + " (insertable and"
          + " updatable false)"));
    }
    return Optional.empty();
  }

  private static boolean isFalse(AnnotationMirror mirror, String member) {
    return Annotations.explicit(mirror, member).map(value -> Boolean.FALSE.equals(value.getValue()))
        .orElse(false);
  }

  /** Whether a field is an owning to-one relation. */
  static Optional<AnnotationMirror> toOne(VariableElement field) {
    return Annotations.findAny(field, AnnotationNames.TO_ONES);
  }

  /** Whether a field holds an embeddable: {@code @Embedded}, {@code @EmbeddedId}, or its type's class. */
  static boolean isEmbedded(VariableElement field, TypeMirror type) {
    if (Annotations.findAny(field, AnnotationNames.EMBEDDEDS).isPresent()
        || Annotations.findAny(field, AnnotationNames.EMBEDDED_IDS).isPresent()
        || Annotations.findAny(field, AnnotationNames.SPRING_EMBEDDEDS).isPresent()) {
      return true;
    }
    return type.getKind() == TypeKind.DECLARED
        && Annotations.findAny(((DeclaredType) type).asElement(), AnnotationNames.EMBEDDABLES).isPresent();
  }

  /** Spring Data JDBC's reference to another aggregate by id. */
  static final String AGGREGATE_REFERENCE = "org.springframework.data.jdbc.core.mapping.AggregateReference";

  /** Whether a field is a Spring Data JDBC {@code AggregateReference}. */
  static boolean isAggregateReference(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
            .contentEquals(AGGREGATE_REFERENCE);
  }

  /**
   * Reads a Spring Data JDBC {@code AggregateReference<T, ID>}: one column, named by {@code @Column}
   * or the field's snake_case as Spring Data's default naming strategy does, of the id's type.
   */
  void aggregateReference(FieldDraft field, PackageElement from, ValidationReport.Builder report) {
    field.kind = FieldDraft.Kind.AGGREGATE_REFERENCE;
    List<? extends TypeMirror> arguments = ((DeclaredType) field.type).getTypeArguments();
    ValueTypeReader.Reading reading = arguments.size() == 2
        ? valueTypes.read(arguments.get(1), from)
        : ValueTypeReader.Reading.unsupported("");
    if (reading.type() == null || reading.type().isJson()) {
      report.error(Message.UNSUPPORTED_TYPE, field.element, field.name, TypeNames.describe(field.type),
          arguments.size() == 2 ? ", whose id type " + TypeNames.describe(arguments.get(1)) + " is not one"
              : ", without its type arguments,");
      return;
    }
    field.valueType = reading.type();
    SqlNames.Named column = EntityReader.columnNameOf(field.element)
        .orElse(new SqlNames.Named(Names.physicalName(field.name), null, null));
    field.column = column.name();
    field.columnAnnotation = column.annotation();
    field.columnValue = column.value();
    checkColumnName(field, report);
  }

  /** Reads an owning to-one relation's join column and how generated code reaches the target's id. */
  void reference(FieldDraft field, PackageElement from, ValidationReport.Builder report) {
    field.kind = FieldDraft.Kind.REFERENCE;
    Optional<AnnotationMirror> joinColumns = Annotations.findAny(field.element,
        AnnotationNames.JOIN_COLUMN_LISTS);
    if (field.type.getKind() != TypeKind.DECLARED
        || ((DeclaredType) field.type).asElement().getKind() != ElementKind.CLASS) {
      report.error(Message.UNSUPPORTED_TYPE, field.element, field.name, TypeNames.describe(field.type), "");
      return;
    }
    TypeElement target = (TypeElement) ((DeclaredType) field.type).asElement();
    String targetName = target.getSimpleName().toString();
    if (joinColumns.isPresent()) {
      report.error(Message.COMPOSITE_FOREIGN_KEY, field.element, joinColumns.get(), null, field.name,
          targetName, "@JoinColumns", targetName);
      return;
    }
    if (!visibility.isVisible(target, from)) {
      report.error(Message.TYPE_NOT_ACCESSIBLE, field.element, field.name, targetName, targetName,
          from.getQualifiedName());
      return;
    }
    List<VariableElement> ids = new ArrayList<>();
    String composite = null;
    for (TypeElement type = target; type != null; type = HierarchyReader.superclassOf(type)) {
      if (Annotations.findAny(type, AnnotationNames.ID_CLASSES).isPresent()) {
        composite = "@IdClass on " + type.getSimpleName();
      }
      List<VariableElement> declared = new ArrayList<>();
      for (VariableElement candidate : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (Annotations.findAny(candidate, AnnotationNames.EMBEDDED_IDS).isPresent()) {
          composite = "@EmbeddedId " + candidate.getSimpleName() + " of " + type.getSimpleName();
        } else if (Annotations.find(candidate, AnnotationNames.ID).isPresent()
            || Annotations.findAny(candidate, AnnotationNames.FOREIGN_IDS).isPresent()) {
          declared.add(candidate);
        }
      }
      ids.addAll(0, declared);
    }
    if (composite == null && ids.size() > 1) {
      composite = "@Id fields " + ids.stream().map(id -> id.getSimpleName().toString())
          .collect(Collectors.joining(", "));
    }
    if (composite != null) {
      report.error(Message.COMPOSITE_FOREIGN_KEY, field.element, toOne(field.element).orElseThrow(), null,
          field.name, targetName, composite, targetName);
      return;
    }
    if (ids.isEmpty()) {
      report.error(Message.REFERENCE_NO_ID, field.element, toOne(field.element).orElseThrow(), null,
          field.name, targetName, targetName);
      return;
    }
    VariableElement id = ids.get(0);
    TypeMirror idType = types.asMemberOf((DeclaredType) target.asType(), id);
    ValueTypeReader.Reading reading = valueTypes.read(idType, from);
    if (reading.type() == null || reading.type().isJson()) {
      report.error(Message.ID_TYPE, field.element, id.getSimpleName() + " of " + targetName,
          TypeNames.describe(idType));
      return;
    }
    field.valueType = reading.type();
    field.targetIdColumn = Annotations.findAny(id, AnnotationNames.FOREIGN_COLUMNS_BY_NAME).orElse(null);
    String idColumn = EntityReader.columnNameOf(id)
        .map(SqlNames.Named::name)
        .orElse(Names.physicalName(id.getSimpleName().toString()));
    Optional<AnnotationMirror> joinColumn = Annotations.findAny(field.element, AnnotationNames.JOIN_COLUMNS);
    Optional<AnnotationValue> referenced = joinColumn.flatMap(mirror ->
        Annotations.explicitText(mirror, "referencedColumnName"));
    if (referenced.isPresent()
        && !Annotations.text(referenced.get()).toLowerCase(Locale.ROOT)
            .equals(idColumn.toLowerCase(Locale.ROOT))) {
      report.error(Message.REFERENCE_COLUMN, field.element, joinColumn.get(), referenced.get(),
          field.name, Annotations.text(referenced.get()), idColumn, targetName);
      return;
    }
    Optional<AnnotationValue> name = joinColumn.flatMap(mirror -> Annotations.explicitText(mirror, "name"));
    SqlNames.Named column = name
        .map(value -> new SqlNames.Named(SqlNames.exactForm(Annotations.text(value)), joinColumn.get(),
            value))
        .or(() -> EntityReader.columnNameOf(field.element))
        .orElse(new SqlNames.Named(Names.physicalName(field.name + "_" + idColumn), null, null));
    field.column = column.name();
    field.columnAnnotation = column.annotation();
    field.columnValue = column.value();
    checkColumnName(field, report);
    readTarget(field, target, id, idType, from, report);
  }

  /** Finds how generated code builds a reference holding only an id, and reads a target's id. */
  private void readTarget(
      FieldDraft field,
      TypeElement target,
      VariableElement id,
      TypeMirror idType,
      PackageElement from,
      ValidationReport.Builder report) {
    String targetName = target.getSimpleName().toString();
    String idName = id.getSimpleName().toString();
    String setterFix = "give " + targetName + " a non-private setter set" + Names.capitalize(idName) + "("
        + TypeNames.describe(idType) + "), or make its field " + idName + " non-private and non-final";
    Optional<ExecutableElement> constructor = access.noArgumentConstructor(target, from);
    if (target.getModifiers().contains(Modifier.ABSTRACT)) {
      report.error(Message.REFERENCE_NOT_BUILDABLE, field.element, targetName, field.name,
          targetName + " is abstract", "declare the relation with a concrete entity class");
    } else if (constructor.isEmpty()) {
      report.error(Message.REFERENCE_NOT_BUILDABLE, field.element, targetName, field.name,
          targetName + " has no no-argument constructor visible from package " + from.getQualifiedName(),
          "make the no-argument constructor of " + targetName + " public");
    } else {
      AccessReader.Lookup setter = access.setter(target, id, idType, from);
      if (setter.accessor() == null) {
        report.error(Message.REFERENCE_NOT_BUILDABLE, field.element, targetName, field.name,
            setter.mismatch() != null ? "its " + setter.mismatch()
                : "its id " + idName + " has no setter and cannot be assigned",
            setter.mismatch() != null ? setter.fix() : setterFix);
      }
      field.targetIdSetter = setter.accessor();
    }
    AccessReader.Lookup getter = access.getter(target, id, idType, from);
    if (getter.accessor() == null) {
      report.error(Message.REFERENCE_ID_NOT_READABLE, field.element, targetName, field.name,
          getter.mismatch() != null ? "its " + getter.mismatch() : "its id " + idName + " has no getter",
          getter.mismatch() != null ? getter.fix()
              : "give " + targetName + " a non-private getter get" + Names.capitalize(idName)
                  + "(), or make its field " + idName + " non-private");
    }
    field.targetIdGetter = getter.accessor();
    field.target = ClassName.get(target);
  }

  /** Reads an embeddable's components, their columns, and how generated code reads and builds it. */
  void embedded(FieldDraft field, PackageElement from, ValidationReport.Builder report) {
    field.kind = FieldDraft.Kind.EMBEDDED;
    if (field.type.getKind() != TypeKind.DECLARED) {
      report.error(Message.UNSUPPORTED_TYPE, field.element, field.name, TypeNames.describe(field.type), "");
      return;
    }
    TypeElement embeddable = (TypeElement) ((DeclaredType) field.type).asElement();
    String embeddableName = embeddable.getSimpleName().toString();
    if (!visibility.isVisible(embeddable, from)) {
      report.error(Message.TYPE_NOT_ACCESSIBLE, field.element, field.name, embeddableName, embeddableName,
          from.getQualifiedName());
      return;
    }
    field.embeddable = ClassName.get(embeddable);
    mappings.refuseConvertOnEmbedded(field, embeddableName, report);
    Map<String, SqlNames.Named> overrides = overrides(field);
    String prefix = springPrefix(field);
    field.emptyWhenNull = springUsesEmpty(field);
    boolean isRecord = embeddable.getKind() == ElementKind.RECORD;
    int before = report.problemCount();
    for (VariableElement element : ElementFilter.fieldsIn(embeddable.getEnclosedElements())) {
      if (element.getModifiers().contains(Modifier.STATIC)
          || (!isRecord && EntityReader.isTransient(element))) {
        continue;
      }
      String componentName = element.getSimpleName().toString();
      TypeMirror type = types.asMemberOf((DeclaredType) field.type, element);
      FieldDraft component = new FieldDraft(element, field.name + Names.capitalize(componentName), type);
      component.idAnnotation = field.idAnnotation;
      if (!checkComponent(component, embeddable, report)) {
        continue;
      }
      SqlNames.Named override = overrides.remove(componentName);
      if (override != null) {
        component.overrideColumn = overriddenColumn(override.annotation());
      }
      SqlNames.Named column = Optional.ofNullable(override)
          .or(() -> EntityReader.columnNameOf(element))
          .orElse(new SqlNames.Named(Names.physicalName(componentName), null, null));
      component.column = prefix + column.name();
      component.columnAnnotation = column.annotation();
      component.columnValue = column.value();
      checkColumnName(component, report);
      component.valueType = mappings.valueType(element, type, componentName,
          component.isId() ? "part of the primary key" : null, report);
      field.components.add(component);
    }
    overrides.forEach((name, override) -> report.error(Message.ATTRIBUTE_OVERRIDE_UNKNOWN, field.element,
        override.annotation(), null, name, embeddableName,
        field.components.stream().map(component -> component.fieldName).collect(Collectors.joining(", "))));
    if (report.problemCount() > before) {
      return;
    }
    access.readGetters(embeddable, from, field.components, report);
    field.embeddableConstruction = access.readConstruction(embeddable, from, field.components, report);
  }

  /** Refuses Godwit's markers and nested structure on a component; {@code false} if it is refused. */
  private boolean checkComponent(
      FieldDraft component, TypeElement embeddable, ValidationReport.Builder report) {
    VariableElement element = component.element;
    String name = component.fieldName;
    String embeddableName = embeddable.getSimpleName().toString();
    boolean fine = true;
    for (String marker : List.of(AnnotationNames.WIDENED, AnnotationNames.BACKFILL, AnnotationNames.ID)) {
      Optional<AnnotationMirror> mirror = Annotations.find(element, marker);
      if (mirror.isPresent()) {
        report.error(Message.EMBEDDED_COMPONENT_MARKER, element, mirror.get(), null, simpleName(mirror.get()),
            name, embeddableName, simpleName(mirror.get()));
        fine = false;
      }
    }
    Optional<AnnotationMirror> deprecated = Annotations.find(element, AnnotationNames.DEPRECATED);
    if (deprecated.isPresent() && Annotations.flag(deprecated.get(), "forRemoval")) {
      report.error(Message.EMBEDDED_COMPONENT_MARKER, element, deprecated.get(), null,
          "Deprecated(forRemoval = true)", name, embeddableName, "Deprecated(forRemoval = true)");
      fine = false;
    }
    String nested = null;
    if (notAColumn(element).isPresent() || toOne(element).isPresent()) {
      nested = "a relation";
    } else if (isEmbedded(element, component.type)) {
      nested = "itself an embeddable";
    }
    if (nested != null) {
      report.error(Message.EMBEDDED_NESTED, element, name, embeddableName, nested, embeddableName);
      fine = false;
    }
    return fine;
  }

  /**
   * The prefix Spring Data JDBC puts before every component's column ({@code @Embedded(prefix)} or its
   * alias {@code value}, or the same members of {@code @Embedded.Nullable} and {@code @Embedded.Empty});
   * empty for JPA.
   */
  private static String springPrefix(FieldDraft field) {
    return Annotations.findAny(field.element, AnnotationNames.SPRING_EMBEDDEDS)
        .flatMap(mirror -> Annotations.explicitText(mirror, "prefix")
            .or(() -> Annotations.explicitText(mirror, "value")))
        .map(Annotations::text)
        .orElse("");
  }

  /**
   * Whether Spring Data JDBC builds an empty embeddable when every column is {@code NULL}
   * ({@code onEmpty = USE_EMPTY}, or {@code @Embedded.Empty}); JPA and {@code USE_NULL} give
   * {@code null}.
   */
  private static boolean springUsesEmpty(FieldDraft field) {
    if (Annotations.find(field.element, AnnotationNames.SPRING_EMBEDDED_EMPTY).isPresent()) {
      return true;
    }
    return Annotations.find(field.element, AnnotationNames.SPRING_EMBEDDED)
        .flatMap(mirror -> Annotations.explicit(mirror, "onEmpty"))
        .map(value -> value.getValue() instanceof VariableElement constant
            && constant.getSimpleName().contentEquals("USE_EMPTY"))
        .orElse(false);
  }

  /** The embedding field's {@code @AttributeOverride}s: component name to column name. */
  private static Map<String, SqlNames.Named> overrides(FieldDraft field) {
    return attributeOverrides(field.element);
  }

  /**
   * The {@code @AttributeOverride}s on an element (alone or in {@code @AttributeOverrides}): the
   * attribute each names, to the column name it gives.
   */
  static Map<String, SqlNames.Named> attributeOverrides(Element element) {
    return overrides(element, AnnotationNames.ATTRIBUTE_OVERRIDES,
        AnnotationNames.ATTRIBUTE_OVERRIDE_LISTS, "column");
  }

  /**
   * The {@code @AssociationOverride}s on an element (alone or in {@code @AssociationOverrides}): the
   * relation each names, to the name of its first join column.
   */
  static Map<String, SqlNames.Named> associationOverrides(Element element) {
    return overrides(element, AnnotationNames.ASSOCIATION_OVERRIDES,
        AnnotationNames.ASSOCIATION_OVERRIDE_LISTS, "joinColumns");
  }

  /**
   * The column an {@code @AttributeOverride} or {@code @AssociationOverride} gives: its {@code column},
   * or its first join column; {@code null} if it gives none.
   */
  static AnnotationMirror overriddenColumn(AnnotationMirror override) {
    return Annotations.explicit(override, "column")
        .or(() -> Annotations.explicit(override, "joinColumns"))
        .map(AnnotationValue::getValue)
        .map(value -> value instanceof List<?> list
            ? list.isEmpty() ? null : ((AnnotationValue) list.get(0)).getValue()
            : value)
        .map(value -> (AnnotationMirror) value)
        .orElse(null);
  }

  private static Map<String, SqlNames.Named> overrides(
      Element element, List<String> single, List<String> containers, String columnMember) {
    List<AnnotationMirror> mirrors = new ArrayList<>();
    Annotations.findAny(element, single).ifPresent(mirrors::add);
    Annotations.findAny(element, containers).ifPresent(list ->
        Annotations.explicit(list, "value").ifPresent(value -> {
          for (Object item : (List<?>) value.getValue()) {
            mirrors.add((AnnotationMirror) ((AnnotationValue) item).getValue());
          }
        }));
    Map<String, SqlNames.Named> overrides = new LinkedHashMap<>();
    for (AnnotationMirror mirror : mirrors) {
      String attribute = Annotations.explicit(mirror, "name").map(Annotations::text).orElse("");
      Optional<AnnotationMirror> column = Annotations.explicit(mirror, columnMember)
          .map(AnnotationValue::getValue)
          .map(value -> value instanceof List<?> list
              ? list.isEmpty() ? null : ((AnnotationValue) list.get(0)).getValue()
              : value)
          .map(value -> (AnnotationMirror) value);
      Optional<AnnotationValue> name = column.flatMap(mirrorOfColumn ->
          Annotations.explicitText(mirrorOfColumn, "name"));
      if (name.isPresent()) {
        overrides.put(attribute,
            new SqlNames.Named(SqlNames.exactForm(Annotations.text(name.get())), mirror, name.get()));
      }
    }
    return overrides;
  }

  static void checkColumnName(FieldDraft field, ValidationReport.Builder report) {
    SqlNames.Named named = new SqlNames.Named(field.column, field.columnAnnotation, field.columnValue);
    if (!SqlNames.checkExact("column", named, field.element, report)
        && !Names.isPlainIdentifier(field.column)) {
      report.error(Message.COLUMN_NAME, field.element, field.columnAnnotation, field.columnValue,
          field.column, field.name, Names.suggestIdentifier(field.column));
    }
  }

  static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** Reports each of Godwit's markers a field carries where they cannot work. */
  static void refuseMarkers(FieldDraft field, MarkerMessage message) {
    for (AnnotationMirror mirror : new AnnotationMirror[] {field.widenedAnnotation, field.backfillAnnotation}) {
      if (mirror != null) {
        message.report(mirror, simpleName(mirror));
      }
    }
    if (field.deprecation == Property.Deprecation.FOR_REMOVAL) {
      message.report(field.deprecatedAnnotation, "Deprecated(forRemoval = true)");
    }
  }

  /** Reports one refused marker. */
  interface MarkerMessage {
    void report(AnnotationMirror marker, String shown);
  }
}
