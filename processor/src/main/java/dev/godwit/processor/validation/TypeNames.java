package dev.godwit.processor.validation;

import java.util.stream.Collectors;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Writes types in messages as a reader wrote them: {@code Map<String, Integer>}, not qualified names. */
final class TypeNames {

  private TypeNames() {}

  static String describe(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      String name = declared.asElement().getSimpleName().toString();
      if (declared.getTypeArguments().isEmpty()) {
        return name;
      }
      return name + declared.getTypeArguments().stream()
          .map(TypeNames::describe)
          .collect(Collectors.joining(", ", "<", ">"));
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return describe(((ArrayType) type).getComponentType()) + "[]";
    }
    if (type.getKind() == TypeKind.WILDCARD) {
      WildcardType wildcard = (WildcardType) type;
      if (wildcard.getExtendsBound() != null) {
        return "? extends " + describe(wildcard.getExtendsBound());
      }
      return wildcard.getSuperBound() != null ? "? super " + describe(wildcard.getSuperBound()) : "?";
    }
    return type.toString();
  }
}
