package io.kubeboot.node.runtime;

/** How a pull went: the image is there now, or the pull failed (and why). */
public sealed interface ImageResult {

  record Pulled() implements ImageResult {
  }

  record Failed(String message) implements ImageResult {
  }
}
