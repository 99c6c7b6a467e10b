package dev.godwit.processor.validation;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Whether code generated into a package can name a type or use a member. */
final class Visibility {

  private final Elements elements;

  Visibility(Elements elements) {
    this.elements = elements;
  }

  /** A type is visible when no class on the way is private, and each is public or in the package. */
  boolean isVisible(TypeElement type, PackageElement from) {
    for (Element element = type; element instanceof TypeElement;
        element = element.getEnclosingElement()) {
      if (!isVisibleMember(element, from)) {
        return false;
      }
    }
    return true;
  }

  /** A member (of a visible type) is visible when public, or not private and declared in the package. */
  boolean isVisibleMember(Element member, PackageElement from) {
    if (member.getModifiers().contains(Modifier.PRIVATE)) {
      return false;
    }
    return member.getModifiers().contains(Modifier.PUBLIC)
        || elements.getPackageOf(member).equals(from);
  }
}
