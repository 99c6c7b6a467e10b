package dev.godwit.processor.validation;

import dev.godwit.processor.model.Names;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reads table, schema and column names from annotations and checks them. A name is plain (letters,
 * digits and underscores, folded by the database) or exact: written between double quotes, the SQL
 * standard's delimited identifier and JPA's convention (Jakarta Persistence 3.1, section 2.13), or
 * between backticks, Hibernate's. Exact names come out in the runtime's form, between double quotes.
 */
final class SqlNames {

  /**
   * A name and the annotation value that gave it, where an error about the name belongs.
   *
   * @param name the name in the runtime's form: plain, or exact between double quotes
   * @param annotation the annotation that gave it, or {@code null} for a derived name
   * @param value the annotation value that gave it, or {@code null} for a derived name
   */
  record Named(String name, AnnotationMirror annotation, AnnotationValue value) {}

  private SqlNames() {}

  /**
   * The name an element is given by Godwit's annotation ({@code value}), else by Jakarta Persistence's
   * ({@code name}), else by Spring Data's ({@code value} or {@code name}).
   */
  static Optional<Named> nameOf(Element element, String godwit, List<String> byName, String spring) {
    return nameOf(element, godwit, "value", byName, "name", spring);
  }

  /** Like {@link #nameOf(Element, String, List, String)}, for members of other names ({@code schema}). */
  static Optional<Named> nameOf(
      Element element, String godwit, String godwitMember, List<String> byName, String member,
      String spring) {
    Optional<Named> named = named(element, List.of(godwit), godwitMember);
    if (named.isEmpty()) {
      named = named(element, byName, member);
    }
    if (named.isEmpty() && member.equals("name")) {
      named = named(element, List.of(spring), "value");
    }
    if (named.isEmpty()) {
      named = named(element, List.of(spring), member);
    }
    return named;
  }

  /** The explicit, non-empty text of a member of the first of some annotations present. */
  static Optional<Named> named(Element element, List<String> annotations, String member) {
    return Annotations.findAny(element, annotations).flatMap(annotation ->
        Annotations.explicitText(annotation, member)
            .map(value -> new Named(exactForm(Annotations.text(value)), annotation, value)));
  }

  /** A declared name in the runtime's form: a quoted one between double quotes, others as declared. */
  static String exactForm(String declared) {
    return Names.isQuoted(declared) ? "\"" + Names.unquoted(declared) + "\"" : declared;
  }

  /**
   * Checks an exact name, reporting what is wrong with it.
   *
   * @return {@code true} if the name is exact (valid or not), so that the plain-name check is skipped
   */
  static boolean checkExact(
      String kind, Named named, Element element, ValidationReport.Builder report) {
    if (!named.name().startsWith("\"")) {
      return false;
    }
    String fault = Names.exactNameFault(Names.unquoted(named.name()));
    if (fault != null) {
      report.error(Message.EXACT_NAME, element, named.annotation(), named.value(), kind,
          Annotations.text(named.value()), fault);
    }
    return true;
  }
}
