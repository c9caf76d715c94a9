package io.kubeboot.resources.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.stereotype.Component;

/** The event log's positions, within the caller's transaction. */
@Component
class LogPositions {

  private final EntityManager entityManager;

  LogPositions(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  long revision(Class<? extends LogPosition> position) {
    return entityManager.find(position, LogPosition.ROW).revision();
  }

  /** Locked to the transaction's end: two replicas' relays or compactions never move a position back. */
  LogPosition forUpdate(Class<? extends LogPosition> position) {
    return entityManager.find(position, LogPosition.ROW, LockModeType.PESSIMISTIC_WRITE);
  }
}
