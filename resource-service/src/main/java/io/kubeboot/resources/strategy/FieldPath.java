package io.kubeboot.resources.strategy;

/**
 * A field path as upstream's {@code field.Path} prints it: children joined by dots, list
 * positions as {@code [0]} and map keys as {@code [key]}, e.g.
 * {@code spec.template.spec.containers[0].resources.requests[cpu]}. Immutable.
 */
final class FieldPath {

  private final String text;

  private FieldPath(String text) {
    this.text = text;
  }

  static FieldPath of(String first, String... more) {
    FieldPath path = new FieldPath(first);
    for (String name : more) {
      path = path.child(name);
    }
    return path;
  }

  FieldPath child(String name, String... more) {
    FieldPath path = new FieldPath(text.isEmpty() ? name : text + "." + name);
    for (String next : more) {
      path = path.child(next);
    }
    return path;
  }

  FieldPath index(int index) {
    return new FieldPath(text + "[" + index + "]");
  }

  FieldPath key(String key) {
    return new FieldPath(text + "[" + key + "]");
  }

  @Override
  public String toString() {
    return text;
  }
}
