package io.kubeboot.resources.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this replica last committed of the objects it wrote recently, as stored JSON text: a
 * first guess at an object's current state that saves a read-modify-write its read, as
 * upstream's GuaranteedUpdate starts from the watch cache's copy. Only a guess: another replica
 * may have written since, so what is computed from it is written on the condition that the
 * object is still at the guessed resourceVersion, like any write, and the caller reads the
 * stored state when that fails. Holds committed states only, newest per object, up to a number
 * of characters in all, and forgets the least recently written first.
 */
final class RecentWrites {

  private record Written(long revision, String body) {
  }

  private final Map<ObjectId, Written> written = new LinkedHashMap<>();
  private final long maxChars;
  private long chars;

  RecentWrites(long maxChars) {
    this.maxChars = maxChars;
  }

  /** Notes a committed state, unless a later one is already known (concurrent writers finish in any order). */
  synchronized void committed(ObjectId id, long revision, String body) {
    Written known = written.get(id);
    if (known != null && known.revision() >= revision) {
      return;
    }
    removed(id); // and put back at the young end
    written.put(id, new Written(revision, body));
    chars += body.length();
    Iterator<Written> eldest = written.values().iterator();
    while (chars > maxChars && eldest.hasNext()) {
      chars -= eldest.next().body().length();
      eldest.remove();
    }
  }

  synchronized void removed(ObjectId id) {
    Written known = written.remove(id);
    if (known != null) {
      chars -= known.body().length();
    }
  }

  synchronized Optional<String> get(ObjectId id) {
    Written known = written.get(id);
    return known == null ? Optional.empty() : Optional.of(known.body());
  }

  /** The state this replica committed of the object at {@code revision}, if that is the one it remembers. */
  synchronized Optional<String> get(ObjectId id, long revision) {
    Written known = written.get(id);
    return known == null || known.revision() != revision ? Optional.empty() : Optional.of(known.body());
  }
}
