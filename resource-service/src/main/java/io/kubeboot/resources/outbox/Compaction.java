package io.kubeboot.resources.outbox;

import io.kubeboot.resources.store.EventLog;
import io.kubeboot.resources.watch.WatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Trims the event log to the newest revisions, as etcd compaction does upstream. */
@Component
class Compaction {

  private static final Logger log = LoggerFactory.getLogger(Compaction.class);

  private final EventLog eventLog;
  private final long keep;

  Compaction(EventLog eventLog, WatchProperties properties) {
    this.eventLog = eventLog;
    this.keep = properties.keepEvents();
  }

  @Scheduled(fixedDelayString = "${kubeboot.watch.compaction-interval:PT5M}", initialDelayString = "PT1M")
  void compact() {
    int removed = eventLog.compact(keep);
    if (removed > 0) {
      log.info("compacted {} events from the event log", removed);
    }
  }
}
