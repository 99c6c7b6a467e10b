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
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds how generated code reads each field of an entity or embeddable (record accessor, getter or the
 * field itself, inherited ones included) and how it builds one from a row (one constructor call, or a
 * no-argument constructor and setters), without reflection. When a method of the right name exists
 * but cannot be used, the error says why, rather than asking for a method that is already there.
 */
final class AccessReader {

  /**
   * An accessor, or why the method of the right name that exists does not fit.
   *
   * @param accessor the accessor, or {@code null}
   * @param mismatch what is wrong with the method of the right name ("getter getTags() exists but
   *     returns Collection&lt;String&gt;"), or {@code null} when there is no such method
   * @param fix how to make that method fit ("make it return List&lt;String&gt;")
   */
  record Lookup(Accessor accessor, String mismatch, String fix) {}

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

  /**
   * Sets each field's getter, reporting the fields generated code cannot read.
   *
   * @param owner the entity or embeddable declaring (or inheriting) the fields
   * @param from the package generated code is in
   */
  void readGetters(
      TypeElement owner, PackageElement from, List<FieldDraft> fields, ValidationReport.Builder report) {
    for (FieldDraft field : fields) {
      if (field.kind == FieldDraft.Kind.UNMAPPED) {
        continue;
      }
      Lookup getter = getter(owner, field.element, field.type, from);
      field.getter = getter.accessor();
      if (getter.accessor() != null) {
        continue;
      }
      if (getter.mismatch() != null) {
        report.error(Message.GETTER_MISMATCH, field.element, field.fieldName, declaring(field),
            getter.mismatch(), getter.fix());
      } else {
        report.error(Message.NO_GETTER, field.element, field.fieldName, declaring(field),
            "get" + Names.capitalize(field.fieldName));
      }
    }
  }

  /** How generated code reads a field of a type: its record accessor, a getter, or the field. */
  Lookup getter(TypeElement owner, VariableElement field, TypeMirror type, PackageElement from) {
    String name = field.getSimpleName().toString();
    if (owner.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component : owner.getRecordComponents()) {
        if (component.getSimpleName().contentEquals(name)) {
          touched.add(component.getAccessor());
        }
      }
      return new Lookup(Accessor.method(name), null, null);
    }
    List<String> names = new ArrayList<>();
    names.add("get" + Names.capitalize(name));
    if (isBoolean(type)) {
      names.add("is" + Names.capitalize(name));
    }
    names.add(name);
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(owner));
    Lookup mismatch = null;
    for (String candidate : names) {
      for (ExecutableElement method : methods) {
        if (!method.getSimpleName().contentEquals(candidate) || !method.getParameters().isEmpty()) {
          continue;
        }
        TypeMirror returned = signature(owner, method).getReturnType();
        String shown = "getter " + candidate + "()";
        Lookup problem = problem(method, from, shown);
        if (problem == null && !types.isSameType(returned, type)) {
          problem = new Lookup(null, shown + " exists but returns " + TypeNames.describe(returned),
              "make it return " + TypeNames.describe(type));
        }
        if (problem == null) {
          touched.add(method);
          return new Lookup(Accessor.method(candidate), null, null);
        }
        if (mismatch == null) {
          mismatch = problem;
        }
      }
    }
    if (visibility.isVisibleMember(field, from)) {
      return new Lookup(Accessor.field(name), null, null);
    }
    return mismatch != null ? mismatch : new Lookup(null, null, null);
  }

  /**
   * How rows become objects of a type (an entity, or an embeddable built from its components);
   * reports the type when it can be built neither way.
   */
  Entity.Construction readConstruction(
      TypeElement owner, PackageElement from, List<FieldDraft> fields, ValidationReport.Builder report) {
    if (owner.getKind() == ElementKind.RECORD) {
      return Entity.Construction.CONSTRUCTOR;
    }
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(owner.getEnclosedElements())
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
    List<FieldDraft> mismatched = new ArrayList<>();
    for (FieldDraft field : fields) {
      if (field.kind == FieldDraft.Kind.UNMAPPED) {
        continue;
      }
      Lookup setter = setter(owner, field.element, field.type, from);
      field.setter = setter.accessor();
      if (setter.accessor() == null) {
        (setter.mismatch() != null ? mismatched : missing).add(field);
      }
    }
    if (noArgument.isPresent() && missing.isEmpty() && mismatched.isEmpty()) {
      touched.add(noArgument.get());
      return Entity.Construction.SETTERS;
    }
    if (noArgument.isPresent() && !mismatched.isEmpty()) {
      for (FieldDraft field : mismatched) {
        Lookup setter = setter(owner, field.element, field.type, from);
        report.error(Message.SETTER_MISMATCH, field.element, field.fieldName, declaring(field),
            setter.mismatch(), setter.fix());
      }
      if (missing.isEmpty()) {
        return null;
      }
    }
    String parameters = fields.stream()
        .map(field -> TypeNames.describe(field.type) + " " + field.fieldName)
        .collect(Collectors.joining(", "));
    String lacking = noArgument.isEmpty() || missing.isEmpty()
        ? "each field"
        : missing.stream().map(field -> field.fieldName).collect(Collectors.joining(", "));
    report.error(Message.NO_CONSTRUCTOR, owner, owner.getSimpleName(), parameters, lacking);
    return null;
  }

  /** The visible no-argument constructor of a class, if it has one. */
  Optional<ExecutableElement> noArgumentConstructor(TypeElement owner, PackageElement from) {
    return ElementFilter.constructorsIn(owner.getEnclosedElements()).stream()
        .filter(constructor -> constructor.getParameters().isEmpty()
            && visibility.isVisibleMember(constructor, from))
        .findFirst();
  }

  /** How generated code sets a field of a type: a setter, or the field itself. */
  Lookup setter(TypeElement owner, VariableElement field, TypeMirror type, PackageElement from) {
    String fieldName = field.getSimpleName().toString();
    List<String> names = new ArrayList<>();
    names.add("set" + Names.capitalize(fieldName));
    if (isBoolean(type) && fieldName.length() > 2 && fieldName.startsWith("is")
        && Character.isUpperCase(fieldName.charAt(2))) {
      names.add("set" + fieldName.substring(2));
    }
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(owner));
    Lookup mismatch = null;
    for (String name : names) {
      for (ExecutableElement method : methods) {
        if (!method.getSimpleName().contentEquals(name) || method.getParameters().size() != 1) {
          continue;
        }
        TypeMirror taken = signature(owner, method).getParameterTypes().get(0);
        String shown = "setter " + name + "(" + TypeNames.describe(taken) + ")";
        Lookup problem = problem(method, from, shown);
        if (problem == null && !types.isSameType(taken, type)) {
          problem = new Lookup(null, shown + " exists but takes " + TypeNames.describe(taken),
              "make it take " + TypeNames.describe(type));
        }
        if (problem == null) {
          touched.add(method);
          return new Lookup(Accessor.method(name), null, null);
        }
        if (mismatch == null) {
          mismatch = problem;
        }
      }
    }
    if (visibility.isVisibleMember(field, from) && !field.getModifiers().contains(Modifier.FINAL)) {
      return new Lookup(Accessor.field(fieldName), null, null);
    }
    return mismatch != null ? mismatch : new Lookup(null, null, null);
  }

  /** The class declaring a field, a mapped superclass for an inherited one. */
  private static CharSequence declaring(FieldDraft field) {
    return field.element.getEnclosingElement().getSimpleName();
  }

  /** Why generated code cannot call a method of the right name, or {@code null} if it can. */
  private Lookup problem(ExecutableElement method, PackageElement from, String shown) {
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return new Lookup(null, shown + " exists but is static", "make it an instance method");
    }
    if (!visibility.isVisibleMember(method, from)) {
      return method.getModifiers().contains(Modifier.PRIVATE)
          ? new Lookup(null, shown + " exists but is private", "make it non-private")
          : new Lookup(null, shown + " exists but is not visible from package " + from.getQualifiedName(),
              "make it public");
    }
    return null;
  }

  /** A method's signature as a member of a type, with the type variables of its superclasses filled. */
  private ExecutableType signature(TypeElement owner, ExecutableElement method) {
    return (ExecutableType) types.asMemberOf((DeclaredType) owner.asType(), method);
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

  private static boolean isBoolean(TypeMirror type) {
    return type.getKind() == TypeKind.BOOLEAN || type.toString().equals("java.lang.Boolean");
  }
}
