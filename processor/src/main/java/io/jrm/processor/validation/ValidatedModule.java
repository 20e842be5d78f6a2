package io.jrm.processor.validation;

import javax.lang.model.element.TypeElement;

/**
 * The one {@code @RedisModule} class of the compilation, with its values read. Its name and version
 * may still be invalid (already reported): the commands are checked against it either way.
 *
 * @param type the module class
 * @param name the module name
 * @param version the module version
 */
public record ValidatedModule(TypeElement type, String name, int version) {}
