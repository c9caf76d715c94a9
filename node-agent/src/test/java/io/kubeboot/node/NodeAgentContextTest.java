package io.kubeboot.node;

import io.kubeboot.common.test.ActuatorContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NodeAgentContextTest extends ActuatorContract {

  NodeAgentContextTest() {
    super("node-agent", "docker");
  }
}
