package io.kubeboot.overlay.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The overlay's meters: packets and bytes in (underlay to TUN) and out (TUN to underlay), drops by
 * reason, peers known. Bytes count the inner IP packets, as an interface counter on the TUN device
 * would.
 */
public final class OverlayMetrics {

  private final Counter packetsIn;
  private final Counter packetsOut;
  private final Counter bytesIn;
  private final Counter bytesOut;
  private final Map<DropReason, Counter> drops = new EnumMap<>(DropReason.class);

  /** {@code peers} tells how many peers the route table holds (0 before there is one). */
  public OverlayMetrics(MeterRegistry registry, IntSupplier peers) {
    packetsIn = packets(registry, "in");
    packetsOut = packets(registry, "out");
    bytesIn = bytes(registry, "in");
    bytesOut = bytes(registry, "out");
    for (DropReason reason : DropReason.values()) {
      drops.put(reason, Counter.builder("overlay.dropped.packets").tag("reason", reason.tag())
          .description("Packets the overlay dropped, by reason").register(registry));
    }
    Gauge.builder("overlay.peers", peers, IntSupplier::getAsInt).strongReference(true)
        .description("Remote nodes in the overlay's route table").register(registry);
  }

  private static Counter packets(MeterRegistry registry, String direction) {
    return Counter.builder("overlay.packets").tag("direction", direction)
        .description("IP packets carried by the overlay (in: from the underlay to the TUN device)").register(registry);
  }

  private static Counter bytes(MeterRegistry registry, String direction) {
    return Counter.builder("overlay.bytes").tag("direction", direction).baseUnit("bytes")
        .description("Bytes of the IP packets carried by the overlay").register(registry);
  }

  void received(int bytes) {
    packetsIn.increment();
    bytesIn.increment(bytes);
  }

  void sent(int bytes) {
    packetsOut.increment();
    bytesOut.increment(bytes);
  }

  void dropped(DropReason reason) {
    drops.get(reason).increment();
  }

  public double dropCount(DropReason reason) {
    return drops.get(reason).count();
  }
}
