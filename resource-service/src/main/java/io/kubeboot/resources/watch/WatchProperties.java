package io.kubeboot.resources.watch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cacheSize how many recent events the watch hub keeps in memory
 * @param defaultTimeoutSeconds how long a watch without {@code timeoutSeconds} stays open
 * @param bookmarkIntervalSeconds how often a watch that allows bookmarks gets one
 * @param keepEvents how many recent revisions compaction keeps in the event log
 */
@ConfigurationProperties("kubeboot.watch")
public record WatchProperties(int cacheSize, int defaultTimeoutSeconds, int bookmarkIntervalSeconds,
    long keepEvents) {

  public WatchProperties {
    cacheSize = cacheSize > 0 ? cacheSize : 20_000;
    defaultTimeoutSeconds = defaultTimeoutSeconds > 0 ? defaultTimeoutSeconds : 1800;
    bookmarkIntervalSeconds = bookmarkIntervalSeconds > 0 ? bookmarkIntervalSeconds : 60;
    keepEvents = keepEvents > 0 ? keepEvents : 100_000;
  }
}
