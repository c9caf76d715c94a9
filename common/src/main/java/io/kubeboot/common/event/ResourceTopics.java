package io.kubeboot.common.event;

import io.kubeboot.common.ObjectKey;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Where resource events go: one topic per resource (e.g. {@code kubeboot.events.pods},
 * {@code kubeboot.events.deployments.apps}), keyed by {@code namespace/name} so that the events of
 * one object stay in one partition and in order; the resourceVersion rides in a header so a
 * consumer can skip what it has already seen without parsing the value.
 */
public final class ResourceTopics {

  /**
   * Every process of one cluster must name topics alike, and two clusters sharing a broker (a
   * developer's and the test suite's) must not; the environment is the one setting all of a
   * cluster's processes share, so the prefix comes from {@code KUBEBOOT_TOPIC_PREFIX}.
   */
  public static final String PREFIX = System.getenv().getOrDefault("KUBEBOOT_TOPIC_PREFIX", "kubeboot.events.");
  public static final String RESOURCE_VERSION_HEADER = "kubeboot-resource-version";

  private ResourceTopics() {
  }

  /** The topic of a resource, named like upstream's {@code plural.group} ({@code plural} for core). */
  public static String topic(String plural, String group) {
    return PREFIX + (group == null || group.isEmpty() ? plural : plural + "." + group);
  }

  /** A record of any encoding of the event of {@code key} at {@code resourceVersion}. */
  public static <V> ProducerRecord<String, V> record(String topic, ObjectKey key, long resourceVersion, V value) {
    ProducerRecord<String, V> record = new ProducerRecord<>(topic, key.toString(), value);
    record.headers().add(RESOURCE_VERSION_HEADER, Long.toString(resourceVersion).getBytes(StandardCharsets.US_ASCII));
    return record;
  }

  public static long resourceVersion(Iterable<Header> headers) {
    for (Header header : headers) {
      if (RESOURCE_VERSION_HEADER.equals(header.key())) {
        return Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII));
      }
    }
    return 0;
  }
}
