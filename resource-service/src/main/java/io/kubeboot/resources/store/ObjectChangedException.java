package io.kubeboot.resources.store;

/**
 * A replace or remove found the object at another resourceVersion than the one it was computed
 * from, or gone: nothing was written. The caller reads the object again and retries, as
 * upstream's GuaranteedUpdate does when etcd's compare fails.
 */
public class ObjectChangedException extends RuntimeException {

  public ObjectChangedException(ObjectId id) {
    super("object " + id + " changed since it was read", null, false, false);
  }
}
