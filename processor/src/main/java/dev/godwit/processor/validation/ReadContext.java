package dev.godwit.processor.validation;

import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What the readers of one entity share: the compiler's utilities, and the elements generated code will
 * use, collected to find out whether it touches deprecated ones.
 *
 * @param elements the compiler's elements
 * @param types the compiler's types
 * @param visibility decides what generated code can name
 * @param touched every element generated code will use, filled in while reading
 */
record ReadContext(Elements elements, Types types, Visibility visibility, Set<Element> touched) {}
