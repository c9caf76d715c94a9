package io.kubeboot.common.selector;

/**
 * A selector the parser or the requirement checks reject. Internal: the public entry points turn it
 * into a 400 {@code ApiException}, after choosing the prefix upstream puts on the message.
 */
final class InvalidSelectorException extends RuntimeException {

  InvalidSelectorException(String message) {
    super(message);
  }
}
