package io.kubeboot.reconciler;

import io.kubeboot.common.test.ActuatorContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReconcilerContextTest extends ActuatorContract {

  ReconcilerContextTest() {
    super("reconciler-service", "kafka");
  }
}
