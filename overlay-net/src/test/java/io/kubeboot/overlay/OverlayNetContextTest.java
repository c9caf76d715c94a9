package io.kubeboot.overlay;

import io.kubeboot.common.test.ActuatorContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverlayNetContextTest extends ActuatorContract {

  OverlayNetContextTest() {
    super("overlay-net");
  }
}
