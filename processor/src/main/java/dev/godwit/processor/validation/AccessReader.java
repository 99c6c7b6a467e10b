package dev.godwit.processor.validation;

import dev.godwit.processor.model.Accessor;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds how generated code reads each field of an entity (record accessor, getter or the field itself)
 * and how it builds an entity from a row (one constructor call, or a no-argument constructor and
 * setters), without reflection.
 */
final class AccessReader {

  private final Elements elements;
  private final Types types;
  private final Visibility visibility;
  private final Set<Element> touched;

  AccessReader(ReadContext context) {
    this.elements = context.elements();
    this.types = context.types();
    this.visibility = context.visibility();
    this.touched = context.touched();
  }

  /** Sets each field's getter, reporting the fields generated code cannot read. */
  void readGetters(TypeElement entity, List<FieldDraft> fields, ValidationReport.Builder report) {
    if (entity.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component : entity.getRecordComponents()) {
        touched.add(component.getAccessor());
      }
      fields.forEach(field -> field.getter = Accessor.method(field.name));
      return;
    }
    PackageElement from = elements.getPackageOf(entity);
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(entity));
    for (FieldDraft field : fields) {
      List<String> names = new ArrayList<>();
      names.add("get" + Names.capitalize(field.name));
      if (isBoolean(field.type)) {
        names.add("is" + Names.capitalize(field.name));
      }
      names.add(field.name);
      Optional<ExecutableElement> getter = names.stream()
          .flatMap(name -> methods.stream()
              .filter(method -> method.getSimpleName().contentEquals(name)
                  && method.getParameters().isEmpty()
                  && isInstanceMember(method, from)
                  && types.isSameType(method.getReturnType(), field.type)))
          .findFirst();
      if (getter.isPresent()) {
        touched.add(getter.get());
        field.getter = Accessor.method(getter.get().getSimpleName().toString());
      } else if (visibility.isVisibleMember(field.element, from)) {
        field.getter = Accessor.field(field.name);
      } else {
        report.error(Message.NO_GETTER, field.element, field.name, entity.getSimpleName(),
            names.get(0));
      }
    }
  }

  /** How rows become entities; reports the entity when it can be built neither way. */
  Entity.Construction readConstruction(
      TypeElement entity, List<FieldDraft> fields, ValidationReport.Builder report) {
    if (entity.getKind() == ElementKind.RECORD) {
      return Entity.Construction.CONSTRUCTOR;
    }
    PackageElement from = elements.getPackageOf(entity);
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(entity.getEnclosedElements())
        .stream()
        .filter(constructor -> visibility.isVisibleMember(constructor, from))
        .toList();
    for (ExecutableElement constructor : constructors) {
      if (takesEveryField(constructor, fields)) {
        touched.add(constructor);
        return Entity.Construction.CONSTRUCTOR;
      }
    }
    Optional<ExecutableElement> noArgument = constructors.stream()
        .filter(constructor -> constructor.getParameters().isEmpty())
        .findFirst();
    List<FieldDraft> missing = new ArrayList<>();
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(entity));
    for (FieldDraft field : fields) {
      field.setter = setter(field, methods, from);
      if (field.setter == null) {
        missing.add(field);
      }
    }
    if (noArgument.isPresent() && missing.isEmpty()) {
      touched.add(noArgument.get());
      return Entity.Construction.SETTERS;
    }
    String parameters = fields.stream()
        .map(field -> TypeNames.describe(field.type) + " " + field.name)
        .collect(Collectors.joining(", "));
    String lacking = noArgument.isEmpty() || missing.isEmpty()
        ? "each field"
        : missing.stream().map(field -> field.name).collect(Collectors.joining(", "));
    report.error(Message.NO_CONSTRUCTOR, entity, entity.getSimpleName(), parameters, lacking);
    return null;
  }

  private boolean takesEveryField(ExecutableElement constructor, List<FieldDraft> fields) {
    if (constructor.getParameters().size() != fields.size()) {
      return false;
    }
    for (int i = 0; i < fields.size(); i++) {
      if (!types.isSameType(constructor.getParameters().get(i).asType(), fields.get(i).type)) {
        return false;
      }
    }
    return true;
  }

  private Accessor setter(FieldDraft field, List<ExecutableElement> methods, PackageElement from) {
    List<String> names = new ArrayList<>();
    names.add("set" + Names.capitalize(field.name));
    if (isBoolean(field.type) && field.name.length() > 2 && field.name.startsWith("is")
        && Character.isUpperCase(field.name.charAt(2))) {
      names.add("set" + field.name.substring(2));
    }
    for (String name : names) {
      for (ExecutableElement method : methods) {
        if (method.getSimpleName().contentEquals(name)
            && method.getParameters().size() == 1
            && isInstanceMember(method, from)
            && types.isSameType(method.getParameters().get(0).asType(), field.type)) {
          touched.add(method);
          return Accessor.method(name);
        }
      }
    }
    if (visibility.isVisibleMember(field.element, from)
        && !field.element.getModifiers().contains(Modifier.FINAL)) {
      return Accessor.field(field.name);
    }
    return null;
  }

  private boolean isInstanceMember(ExecutableElement method, PackageElement from) {
    return !method.getModifiers().contains(Modifier.STATIC) && visibility.isVisibleMember(method, from);
  }

  private static boolean isBoolean(TypeMirror type) {
    return type.getKind() == TypeKind.BOOLEAN || type.toString().equals("java.lang.Boolean");
  }
}
