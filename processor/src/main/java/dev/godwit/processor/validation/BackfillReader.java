package dev.godwit.processor.validation;

import com.palantir.javapoet.TypeName;
import dev.godwit.processor.model.Backfill;
import dev.godwit.processor.model.Names;
import dev.godwit.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks one {@code @Backfill} against its field and entity, and turns it into the model. */
final class BackfillReader {

  /** Names a migration cannot take: the other methods of the generated classes, and Object's. */
  private static final Set<String> RESERVED_NAMES = Set.of(
      "all", "migrations", "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll",
      "toString", "wait");

  /** Where the runtime declares the default batch size the message names. */
  private static final String RUNTIME_MIGRATION = "dev.godwit.runtime.Migration";

  private final Elements elements;
  private final Types types;
  private final Visibility visibility;
  private final Set<Element> touched;

  BackfillReader(ReadContext context) {
    this.elements = context.elements();
    this.types = context.types();
    this.visibility = context.visibility();
    this.touched = context.touched();
  }

  /** The checked backfill of a field, or {@code null} after reporting what is wrong with it. */
  BackfillDraft read(
      FieldDraft field, List<FieldDraft> fields, TypeElement entity, ValidationReport.Builder report) {
    AnnotationMirror annotation = field.backfillAnnotation;
    List<String> sources = new ArrayList<>();
    for (String member : List.of("value", "from", "method")) {
      if (Annotations.explicit(annotation, member).isPresent()) {
        sources.add(member);
      }
    }
    int before = report.problemCount();
    Optional<AnnotationValue> migrationValue = Annotations.explicitText(annotation, "migration");
    String migration = migrationValue.map(Annotations::text)
        .orElse("backfill" + Names.capitalize(field.name));
    if (migrationValue.isPresent() && !isMethodName(migration)) {
      report.error(Message.MIGRATION_NAME, field.element, annotation, migrationValue.get(), migration);
    }
    Optional<AnnotationValue> batchSizeValue = Annotations.explicit(annotation, "batchSize");
    int batchSize = batchSizeValue.map(value -> (Integer) value.getValue()).orElse(0);
    if (batchSizeValue.isPresent() && batchSize <= 0) {
      report.error(Message.BATCH_SIZE, field.element, annotation, batchSizeValue.get(), batchSize,
          defaultBatchSize());
    }
    Backfill backfill = null;
    if (sources.isEmpty()) {
      report.error(Message.BACKFILL_NO_SOURCE, field.element, annotation, null, field.name);
    } else if (sources.size() > 1) {
      AnnotationValue second = Annotations.explicit(annotation, sources.get(1)).orElseThrow();
      report.error(Message.BACKFILL_TWO_SOURCES, field.element, annotation, second,
          field.name, sources.get(0), sources.get(1));
    } else if (field.valueType != null) {
      AnnotationValue source = Annotations.explicit(annotation, sources.get(0)).orElseThrow();
      backfill = switch (sources.get(0)) {
        case "value" -> constant(field, source, report);
        case "from" -> copy(field, fields, entity, source, report);
        default -> computed(field, entity, source, report);
      };
    }
    if (backfill == null || report.problemCount() > before) {
      return null;
    }
    return new BackfillDraft(backfill, migration, migrationValue.isPresent(), annotation,
        migrationValue.orElse(null), batchSize, batchSizeValue.orElse(null));
  }

  private Backfill constant(
      FieldDraft field, AnnotationValue source, ValidationReport.Builder report) {
    String text = Annotations.text(source);
    if (field.valueType.isJson()) {
      report.error(Message.BACKFILL_VALUE_JSON, field.element, field.backfillAnnotation, source,
          field.name, TypeNames.describe(field.type));
      return null;
    }
    Optional<ValueType> textForm = Constants.textForm(field.valueType);
    if (textForm.isEmpty()) {
      report.error(Message.BACKFILL_VALUE_NO_TEXT, field.element, field.backfillAnnotation, source,
          field.name, TypeNames.describe(field.type));
      return null;
    }
    Optional<String> canonical = Constants.canonical(textForm.get(), text);
    if (canonical.isEmpty()) {
      report.error(Message.BACKFILL_VALUE, field.element, field.backfillAnnotation, source,
          text, field.name, TypeNames.describe(field.type), Constants.hint(textForm.get()));
      return null;
    }
    return new Backfill.Constant(canonical.get());
  }

  private Backfill copy(
      FieldDraft field,
      List<FieldDraft> fields,
      TypeElement entity,
      AnnotationValue source,
      ValidationReport.Builder report) {
    String name = Annotations.text(source);
    if (name.equals(field.name)) {
      report.error(Message.BACKFILL_FROM_SELF, field.element, field.backfillAnnotation, source, name);
      return null;
    }
    Optional<FieldDraft> from = fields.stream().filter(other -> other.name.equals(name)).findFirst();
    if (from.isEmpty()) {
      missingSource(field, fields, entity, source, report);
      return null;
    }
    if (from.get().kind != FieldDraft.Kind.VALUE) {
      report.error(Message.BACKFILL_FROM_NOT_A_VALUE, field.element, field.backfillAnnotation, source,
          name, from.get().kind == FieldDraft.Kind.UNMAPPED ? from.get().unmappedDescription
              : from.get().kind == FieldDraft.Kind.EMBEDDED ? "an embeddable" : "a relation");
      return null;
    }
    if (from.get().valueType == null) {
      return null;
    }
    if (!types.isAssignable(boxed(from.get().type), boxed(field.type))) {
      String target = TypeNames.describe(field.type);
      report.error(Message.BACKFILL_FROM_TYPE, field.element, field.backfillAnnotation, source,
          name, TypeNames.describe(from.get().type), field.name, target, target);
      return null;
    }
    if (!StoredForms.same(from.get().valueType, field.valueType)) {
      report.error(Message.BACKFILL_FROM_STORED_FORM, field.element, field.backfillAnnotation, source,
          name, StoredForms.describe(from.get().valueType), field.name,
          StoredForms.describe(field.valueType));
      return null;
    }
    return new Backfill.Copy(name);
  }

  /**
   * Says why a copy's source is no mapped field: it is a field that is not mapped, or there is no such
   * field; the fields it could name, when there are any.
   */
  private void missingSource(
      FieldDraft field,
      List<FieldDraft> fields,
      TypeElement entity,
      AnnotationValue source,
      ValidationReport.Builder report) {
    String name = Annotations.text(source);
    Optional<VariableElement> unmapped = declaredField(entity, name);
    if (unmapped.isPresent()) {
      Set<Modifier> modifiers = unmapped.get().getModifiers();
      String why = modifiers.contains(Modifier.STATIC) ? "static"
          : modifiers.contains(Modifier.TRANSIENT) ? "transient"
          : Annotations.findAny(unmapped.get(), AnnotationNames.TRANSIENTS).isPresent()
              ? "marked @Transient"
              : !unmapped.get().getEnclosingElement().equals(entity)
                  ? "inherited from " + unmapped.get().getEnclosingElement().getSimpleName()
                      + ", whose fields this entity does not map"
                  : "not persisted by the entity's mapping";
      report.error(Message.BACKFILL_FROM_UNMAPPED, field.element, field.backfillAnnotation, source,
          name, entity.getSimpleName(), why);
      return;
    }
    List<String> others = fields.stream()
        .filter(other -> other != field)
        .map(other -> other.name)
        .toList();
    if (others.isEmpty()) {
      report.error(Message.BACKFILL_FROM_NOTHING, field.element, field.backfillAnnotation, source,
          name, entity.getSimpleName());
    } else {
      report.error(Message.BACKFILL_FROM_MISSING, field.element, field.backfillAnnotation, source,
          name, entity.getSimpleName(), String.join(", ", others));
    }
  }

  /**
   * The backfill the baseline remembers for a plain field, the narrowed form of a field the last
   * deploy widened or narrowed, while it can still be run and what it reads is still there: a copy
   * while its source is a mapped field, a method while the entity declares it, a constant only in the
   * deploy right after the one that widened the field (it reads nothing, so no clear depends on it).
   * Once those are gone the field is an ordinary required one. A method that is gone while a field it
   * may read is still to be cleared is an error: the clear would no longer keep the rows the field
   * still lacks.
   *
   * @return the remembered backfill, or {@code null} when the field is no longer narrowed or after
   *     reporting a problem
   */
  BackfillDraft remembered(
      FieldDraft field,
      List<FieldDraft> fields,
      TypeElement entity,
      BaselineBackfill before,
      ValidationReport.Builder report) {
    if (field.valueType == null) {
      return null;
    }
    Backfill backfill;
    switch (before.source()) {
      case "from" -> {
        boolean mapped = fields.stream().anyMatch(other -> other != field
            && other.kind == FieldDraft.Kind.VALUE && other.name.equals(before.text()));
        backfill = mapped ? new Backfill.Copy(before.text()) : null;
      }
      case "method" -> {
        boolean declared = ElementFilter.methodsIn(elements.getAllMembers(entity)).stream()
            .anyMatch(method -> method.getSimpleName().contentEquals(before.text()));
        if (!declared) {
          fields.stream().filter(FieldDraft::isClearable).findFirst().ifPresent(cleared ->
              report.error(Message.REMEMBERED_METHOD_GONE, field.element, field.name, before.text(),
                  cleared.name, before.text(), cleared.name, field.name));
          return null;
        }
        backfill = computed(field, entity, before.text(), null, report);
      }
      default -> backfill = before.widened() ? new Backfill.Constant(before.text()) : null;
    }
    if (backfill == null) {
      return null;
    }
    boolean explicit = !before.migration().equals("backfill" + Names.capitalize(field.name));
    return new BackfillDraft(backfill, before.migration(), explicit, null, null, before.batchSize(),
        null);
  }

  private Backfill computed(
      FieldDraft field, TypeElement entity, AnnotationValue source, ValidationReport.Builder report) {
    return computed(field, entity, Annotations.text(source), source, report);
  }

  private Backfill computed(
      FieldDraft field,
      TypeElement entity,
      String name,
      AnnotationValue source,
      ValidationReport.Builder report) {
    String entityName = entity.getSimpleName().toString();
    String fieldType = TypeNames.describe(field.type);
    String parameter = Names.decapitalize(entityName);
    List<ExecutableElement> named = ElementFilter.methodsIn(elements.getAllMembers(entity)).stream()
        .filter(method -> method.getSimpleName().contentEquals(name))
        .toList();
    if (named.isEmpty()) {
      report.error(Message.BACKFILL_METHOD_MISSING, field.element, field.backfillAnnotation, source,
          entityName, name, fieldType, name, entityName, parameter, entityName);
      return null;
    }
    List<ExecutableElement> fitting = named.stream()
        .filter(method -> fits(method, entity.asType(), field.type))
        .toList();
    if (fitting.isEmpty()) {
      report.error(Message.BACKFILL_METHOD_SIGNATURE, field.element, field.backfillAnnotation, source,
          name, entityName, field.name, fieldType, name, entityName, parameter);
      return null;
    }
    PackageElement from = elements.getPackageOf(entity);
    ExecutableElement method = fitting.stream()
        .filter(candidate -> candidate.getModifiers().contains(Modifier.STATIC))
        .findFirst()
        .orElse(null);
    if (method == null) {
      report.error(Message.BACKFILL_METHOD_NOT_STATIC, field.element, field.backfillAnnotation,
          source, name, entityName, fieldType, name, entityName, parameter);
      return null;
    }
    if (!visibility.isVisibleMember(method, from)) {
      report.error(Message.BACKFILL_METHOD_PRIVATE, field.element, field.backfillAnnotation, source,
          name, entityName, from.getQualifiedName());
      return null;
    }
    touched.add(method);
    List<TypeName> thrown = method.getThrownTypes().stream().map(TypeName::get).toList();
    return new Backfill.Computed(name, !method.getReturnType().getKind().isPrimitive(), thrown);
  }

  /** A field of a given name declared by the entity or one of its superclasses, nearest first. */
  private static Optional<VariableElement> declaredField(TypeElement entity, String name) {
    for (TypeElement type = entity; type != null; type = superclass(type)) {
      Optional<VariableElement> found = ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
          .filter(candidate -> candidate.getSimpleName().contentEquals(name))
          .findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static TypeElement superclass(TypeElement type) {
    return type.getSuperclass() instanceof DeclaredType declared
        ? (TypeElement) declared.asElement()
        : null;
  }

  /** Whether a method takes the entity (alone) and returns something the field can hold. */
  private boolean fits(ExecutableElement method, TypeMirror entity, TypeMirror fieldType) {
    return method.getTypeParameters().isEmpty()
        && method.getParameters().size() == 1
        && types.isAssignable(entity, method.getParameters().get(0).asType())
        && types.isAssignable(method.getReturnType(), fieldType);
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive()
        ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
        : type;
  }

  /** Whether a migration name can be the name of the generated methods for it. */
  static boolean isMethodName(String name) {
    return SourceVersion.isIdentifier(name)
        && !SourceVersion.isKeyword(name)
        && !RESERVED_NAMES.contains(name);
  }

  /**
   * The default batch size as the runtime on the compile class path declares it
   * ({@code Migration.DEFAULT_BATCH_SIZE}), so the message cannot drift from what a run uses.
   */
  private Object defaultBatchSize() {
    TypeElement migration = elements.getTypeElement(RUNTIME_MIGRATION);
    if (migration == null) {
      return RUNTIME_MIGRATION + ".DEFAULT_BATCH_SIZE";
    }
    return ElementFilter.fieldsIn(migration.getEnclosedElements()).stream()
        .filter(field -> field.getSimpleName().contentEquals("DEFAULT_BATCH_SIZE"))
        .map(VariableElement::getConstantValue).findFirst()
        .orElse(RUNTIME_MIGRATION + ".DEFAULT_BATCH_SIZE");
  }
}
