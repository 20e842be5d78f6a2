package io.jrm.processor.validation;

import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Whether generated code can create a class: the question both value and codec classes raise. */
final class Constructors {
  private Constructors() {}

  /**
   * Whether {@code element} has a public no-argument constructor, or a non-private one usable from
   * {@code from}, the package of the generated serializer.
   */
  static boolean hasUsableNoArgConstructor(
      Elements elements, TypeElement element, PackageElement from) {
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(element.getEnclosedElements())) {
      Set<Modifier> modifiers = constructor.getModifiers();
      boolean reachable =
          modifiers.contains(Modifier.PUBLIC)
              || (!modifiers.contains(Modifier.PRIVATE)
                  && elements.getPackageOf(element).equals(from));
      if (constructor.getParameters().isEmpty() && reachable) {
        return true;
      }
    }
    return false;
  }
}
