package io.kubeboot.resources.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.store.Selection;
import io.kubeboot.resources.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which changes a watch takes, judged in memory from the hub's events. */
class WatchRequestTest {

  private static final ResourceType PODS = ResourceRegistry.standard().find("", "v1", "pods").orElseThrow();
  private static final String WEB = """
      {"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}}}""";
  private static final String DB = """
      {"kind":"Pod","apiVersion":"v1","metadata":{"name":"db","namespace":"default","labels":{"app":"db"}}}""";

  @Test
  void aWatchWithoutSelectorsPassesItsResourceOnWithoutParsingTheObject() {
    // not JSON: any attempt to look inside the object would fail
    HubEvent event = new HubEvent(new StoredEvent(7, "", "pods", "default", "web", "MODIFIED", "{not json",
        "{not json either"));
    WatchRequest watch = watch("default", Selection.parse(null, null));

    assertThat(watch.wants(event)).isTrue();
    assertThat(new String(watch.eventFor(event), StandardCharsets.UTF_8))
        .isEqualTo("{\"type\":\"MODIFIED\",\"object\":{not json}\n");
  }

  @Test
  void aWatchTakesOnlyItsResourceAndNamespace() {
    WatchRequest watch = watch("default", Selection.parse(null, null));

    assertThat(watch.wants(new HubEvent(new StoredEvent(7, "", "pods", "other", "web", "ADDED", WEB, null))))
        .isFalse();
    assertThat(watch.wants(new HubEvent(new StoredEvent(8, "", "events", "default", "web", "ADDED", WEB, null))))
        .isFalse();
  }

  @Test
  void anObjectLeavingTheSelectionIsDeletedForTheWatch() {
    WatchRequest watch = watch(null, Selection.parse("app=web", null));
    HubEvent relabelled = new HubEvent(new StoredEvent(9, "", "pods", "default", "web", "MODIFIED", DB, WEB));

    assertThat(watch.wants(relabelled)).isTrue();
    assertThat(new String(watch.eventFor(relabelled), StandardCharsets.UTF_8))
        .startsWith("{\"type\":\"DELETED\"").contains("\"resourceVersion\":\"9\"");
    assertThat(watch.wants(new HubEvent(new StoredEvent(10, "", "pods", "default", "db", "ADDED", DB, null))))
        .isFalse();
  }

  private static WatchRequest watch(String namespace, Selection selection) {
    return new WatchRequest(PODS, namespace, selection, 0, 60, false, List.of());
  }
}
