package io.jrm.processor.validation;

import com.palantir.javapoet.ClassName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.model.PersistableModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks the {@code @Persistable} classes of a compilation with the rules shared with
 * {@code @DataType}; a class that is both is checked once.
 */
public final class PersistableValidator {
  private final Elements elements;
  private final PersistentClassValidator classes;

  /** Creates a validator sharing {@code classes}' checks and reporter. */
  public PersistableValidator(Elements elements, PersistentClassValidator classes) {
    this.elements = elements;
    this.classes = classes;
  }

  /** Validates every class and returns the models of the valid ones. */
  public List<PersistableModel> validate(List<TypeElement> persistables) {
    List<PersistableModel> models = new ArrayList<>();
    for (TypeElement type : persistables) {
      AnnotationValues annotation =
          AnnotationValues.of(type, ClassNames.PERSISTABLE, elements).orElseThrow();
      classes
          .validate(
              type,
              annotation,
              "@Persistable",
              PersistableModel.SERIALIZER_PREFIX
                  + String.join("_", ClassName.get(type).simpleNames()))
          .map(PersistableModel::new)
          .ifPresent(models::add);
    }
    return models;
  }
}
