package io.kubeboot.overlay.node;

import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The overlay as a health component: UP while its packet loops run, DOWN once one stopped (the
 * node's pods are then cut off), UNKNOWN while it waits for its Node or subnet; UNKNOWN does not
 * pull the daemon's overall health down, as a node without a subnet yet is not broken.
 */
public class OverlayHealthIndicator extends AbstractHealthIndicator {

  private final NodeOverlay overlay;

  public OverlayHealthIndicator(NodeOverlay overlay) {
    super("overlay health check failed");
    this.overlay = overlay;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Map<String, Object> state = overlay.state();
    switch ((String) state.get("state")) {
      case "running" -> builder.up();
      case "stopped" -> builder.down();
      default -> builder.unknown();
    }
    builder.withDetails(state);
  }
}
