package dev.godwit.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads where an entity's mapped fields are declared, as JPA does (JPA 3.1 §2.11): in its
 * {@code @MappedSuperclass} ancestors, root first, then in the entity. Refuses what Godwit cannot map
 * faithfully: entity inheritance (a superclass that is an {@code @Entity}, or {@code @Inheritance} on
 * the entity), whatever its strategy; a plain superclass declaring fields that look persistent, which
 * JPA ignores but a reader would expect mapped; and JPA property access (JPA 3.1 §2.3.1: the place of
 * {@code @Id} decides the access type), since Godwit reads fields.
 */
final class HierarchyReader {

  /** JPA's default inheritance strategy, when {@code @Inheritance} is absent or leaves it out. */
  private static final String DEFAULT_STRATEGY = "SINGLE_TABLE";

  /**
   * The classes whose fields an entity maps: its mapped superclasses, root first, then itself.
   *
   * @param entity the {@code @MigratedTable} class or record
   * @param report where refusals go
   * @return the classes, or empty after reporting entity inheritance
   */
  List<TypeElement> mappedClasses(TypeElement entity, ValidationReport.Builder report) {
    List<TypeElement> classes = new ArrayList<>();
    classes.add(entity);
    Optional<AnnotationMirror> ownInheritance = Annotations.findAny(entity, AnnotationNames.INHERITANCES);
    if (ownInheritance.isPresent()) {
      report.error(Message.INHERITANCE_ROOT, entity, ownInheritance.get(), null,
          entity.getSimpleName(), strategy(ownInheritance.get()));
      return List.of();
    }
    for (TypeElement superclass = superclassOf(entity); superclass != null;
        superclass = superclassOf(superclass)) {
      if (Annotations.findAny(superclass, AnnotationNames.ENTITIES).isPresent()) {
        report.error(Message.ENTITY_INHERITANCE, entity, entity.getSimpleName(),
            superclass.getSimpleName(), inheritedStrategy(superclass), superclass.getSimpleName());
        return List.of();
      }
      if (Annotations.findAny(superclass, AnnotationNames.MAPPED_SUPERCLASSES).isPresent()) {
        classes.add(0, superclass);
        continue;
      }
      List<String> unmapped = ElementFilter.fieldsIn(superclass.getEnclosedElements()).stream()
          .filter(field -> !field.getModifiers().contains(Modifier.STATIC) && !isTransient(field))
          .map(field -> field.getSimpleName().toString())
          .toList();
      if (!unmapped.isEmpty()) {
        report.error(Message.UNMAPPED_SUPERCLASS, entity, entity.getSimpleName(),
            superclass.getSimpleName(), String.join(", ", unmapped), superclass.getSimpleName(),
            entity.getSimpleName());
      }
    }
    return classes;
  }

  /**
   * Reports JPA property access in the classes an entity maps: {@code @Id} or {@code @EmbeddedId} on
   * a method, or {@code @Access(AccessType.PROPERTY)} on a class or method.
   *
   * @return whether any was found, so that a missing field {@code @Id} is not reported as well
   */
  boolean checkFieldAccess(List<TypeElement> classes, ValidationReport.Builder report) {
    boolean found = false;
    TypeElement entity = classes.isEmpty() ? null : classes.get(classes.size() - 1);
    for (TypeElement type : classes) {
      Optional<AnnotationMirror> access = propertyAccess(type);
      if (access.isPresent()) {
        report.error(Message.PROPERTY_ACCESS, type, access.get(), null, entity.getSimpleName(),
            "@Access(AccessType.PROPERTY) on " + type.getSimpleName(),
            ", and remove @Access(AccessType.PROPERTY)");
        found = true;
      }
      if (type.getKind() == ElementKind.RECORD) {
        // A record component's annotations reach its accessor too; a record is read by its fields.
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        Optional<AnnotationMirror> id = Annotations.findAny(method, AnnotationNames.FOREIGN_IDS)
            .or(() -> Annotations.findAny(method, AnnotationNames.EMBEDDED_IDS));
        Optional<AnnotationMirror> methodAccess = propertyAccess(method);
        if (id.isPresent() || methodAccess.isPresent()) {
          AnnotationMirror mirror = id.orElseGet(methodAccess::get);
          String what = id.isPresent()
              ? "@" + mirror.getAnnotationType().asElement().getSimpleName()
              : "@Access(AccessType.PROPERTY)";
          report.error(Message.PROPERTY_ACCESS, method, mirror, null, entity.getSimpleName(),
              what + " on " + method.getSimpleName() + "()", "");
          found = true;
        }
      }
    }
    return found;
  }

  /** The strategy of the hierarchy an {@code @Entity} belongs to, declared on its root. */
  private static String inheritedStrategy(TypeElement entity) {
    String strategy = DEFAULT_STRATEGY;
    for (TypeElement type = entity; type != null; type = superclassOf(type)) {
      Optional<AnnotationMirror> inheritance = Annotations.findAny(type, AnnotationNames.INHERITANCES);
      if (inheritance.isPresent()) {
        strategy = strategy(inheritance.get());
      }
    }
    return strategy;
  }

  private static String strategy(AnnotationMirror inheritance) {
    return Annotations.explicit(inheritance, "strategy")
        .map(value -> enumConstant(value))
        .orElse(DEFAULT_STRATEGY);
  }

  private static Optional<AnnotationMirror> propertyAccess(Element element) {
    return Annotations.findAny(element, AnnotationNames.ACCESSES)
        .filter(access -> Annotations.explicit(access, "value")
            .map(value -> enumConstant(value).equals("PROPERTY"))
            .orElse(false));
  }

  private static String enumConstant(AnnotationValue value) {
    return value.getValue() instanceof VariableElement constant
        ? constant.getSimpleName().toString()
        : String.valueOf(value.getValue());
  }

  private static boolean isTransient(VariableElement field) {
    return field.getModifiers().contains(Modifier.TRANSIENT)
        || Annotations.findAny(field, AnnotationNames.TRANSIENTS).isPresent();
  }

  /** The superclass of a class, or {@code null} when it is {@code Object} or the type is a record. */
  static TypeElement superclassOf(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
    String name = element.getQualifiedName().toString();
    return name.equals("java.lang.Object") || name.equals("java.lang.Record") ? null : element;
  }
}
