package io.jrm;

/**
 * Runs after CONFIG SET has set every config it names, once per config changed that has this apply
 * function: where a module checks values against each other or acts on them. Throwing refuses the
 * whole CONFIG SET, as a {@link ConfigSetter} does (the message is the reason), and Redis sets the
 * old values back. Not called for the values of a load.
 */
@FunctionalInterface
public interface ConfigApply {
  /**
   * Applies the new values.
   *
   * @param ctx a context of the module, valid until this returns
   * @throws Exception to refuse the change, with the reason as its message
   */
  void apply(Context ctx) throws Exception;
}
