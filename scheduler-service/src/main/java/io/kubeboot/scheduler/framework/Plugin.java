package io.kubeboot.scheduler.framework;

/** A scheduling plugin; each extension point it takes part in is its own interface. */
public interface Plugin {

  /** The plugin's registry name, as upstream names it (e.g. {@code NodeResourcesFit}). */
  String name();
}
