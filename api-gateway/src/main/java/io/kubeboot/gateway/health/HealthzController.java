package io.kubeboot.gateway.health;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Upstream's probe endpoints, answered "ok" in text/plain, backed by Boot's availability states. */
@RestController
class HealthzController {

  private final ApplicationAvailability availability;

  HealthzController(ApplicationAvailability availability) {
    this.availability = availability;
  }

  @GetMapping({"/healthz", "/livez"})
  ResponseEntity<String> live() {
    return answer(availability.getLivenessState() == LivenessState.CORRECT);
  }

  @GetMapping("/readyz")
  ResponseEntity<String> ready() {
    return answer(availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
  }

  private static ResponseEntity<String> answer(boolean ok) {
    return ResponseEntity.status(ok ? 200 : 500).contentType(MediaType.TEXT_PLAIN).body(ok ? "ok" : "failed");
  }
}
