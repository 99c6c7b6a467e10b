package dev.godwit.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.godwit.processor.model.ScalarKind;
import dev.godwit.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Decides how the values of a Java type are stored, or why they cannot be. */
final class ValueTypeReader {

  /**
   * The outcome of reading a type: a value type, or why there is none.
   *
   * @param type the value type, or {@code null}
   * @param unsupportedPart for an unsupported type, the part of it at fault, phrased to follow the
   *     field's type in a message (empty when it is the type itself); {@code null} otherwise
   * @param hidden for a supported type that the entity's package cannot see, that type
   */
  record Reading(ValueType type, String unsupportedPart, TypeElement hidden) {

    static Reading of(ValueType type) {
      return new Reading(type, null, null);
    }

    static Reading unsupported(String part) {
      return new Reading(null, part, null);
    }

    static Reading hidden(TypeElement type) {
      return new Reading(null, null, type);
    }
  }

  private final Visibility visibility;
  private final Set<Element> touched;

  ValueTypeReader(ReadContext context) {
    this.visibility = context.visibility();
    this.touched = context.touched();
  }

  /** How values of a type are stored, in code generated into a package. */
  Reading read(TypeMirror type, PackageElement from) {
    return read(type, from, new LinkedHashSet<>(), "");
  }

  private Reading read(TypeMirror type, PackageElement from, Set<TypeElement> records, String part) {
    return switch (type.getKind()) {
      case BOOLEAN -> Reading.of(new ValueType.Scalar(ScalarKind.BOOLEAN));
      case INT -> Reading.of(new ValueType.Scalar(ScalarKind.INTEGER));
      case LONG -> Reading.of(new ValueType.Scalar(ScalarKind.LONG));
      case DOUBLE -> Reading.of(new ValueType.Scalar(ScalarKind.DOUBLE));
      case DECLARED -> declared((DeclaredType) type, from, records, part);
      default -> Reading.unsupported(part);
    };
  }

  private Reading declared(DeclaredType type, PackageElement from, Set<TypeElement> records, String part) {
    TypeElement element = (TypeElement) type.asElement();
    ScalarKind kind = ScalarKind.forQualifiedName(element.getQualifiedName().toString());
    if (kind != null) {
      return Reading.of(new ValueType.Scalar(kind));
    }
    if (element.getQualifiedName().contentEquals("java.util.List")) {
      return list(type, from, records, part);
    }
    if (element.getKind() == ElementKind.ENUM) {
      return enumeration(element, from);
    }
    if (element.getKind() == ElementKind.RECORD && element.getTypeParameters().isEmpty()) {
      return record(element, from, records, part);
    }
    return Reading.unsupported(part);
  }

  private Reading list(DeclaredType type, PackageElement from, Set<TypeElement> records, String part) {
    if (type.getTypeArguments().size() != 1
        || type.getTypeArguments().get(0).getKind() != TypeKind.DECLARED) {
      return Reading.unsupported(part);
    }
    Reading element = read(type.getTypeArguments().get(0), from, records, part);
    return element.type() == null ? element : Reading.of(new ValueType.ListValue(element.type()));
  }

  private Reading enumeration(TypeElement enumeration, PackageElement from) {
    if (!visibility.isVisible(enumeration, from)) {
      return Reading.hidden(enumeration);
    }
    touched.add(enumeration);
    List<String> constants = new ArrayList<>();
    for (Element member : enumeration.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(member.getSimpleName().toString());
      }
    }
    return Reading.of(new ValueType.EnumValue(ClassName.get(enumeration), constants));
  }

  private Reading record(TypeElement record, PackageElement from, Set<TypeElement> records, String part) {
    if (!visibility.isVisible(record, from)) {
      return Reading.hidden(record);
    }
    if (!records.add(record)) {
      // A record that contains itself would need an infinitely deep codec.
      return Reading.unsupported(part);
    }
    touched.add(record);
    List<ValueType.Component> components = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      String componentPart = part + ", whose component " + component.getSimpleName() + " of "
          + record.getSimpleName() + " has type " + TypeNames.describe(component.asType());
      Reading reading = read(component.asType(), from, records, componentPart);
      if (reading.type() == null) {
        return reading;
      }
      components.add(new ValueType.Component(component.getSimpleName().toString(), reading.type()));
    }
    records.remove(record);
    return Reading.of(new ValueType.RecordValue(ClassName.get(record), components));
  }
}
