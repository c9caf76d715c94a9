package io.kubeboot.node;

import io.kubeboot.common.test.ActuatorContract;
import org.springframework.boot.test.context.SpringBootTest;

// no API server: registration keeps retrying in the background and must not hold up the context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kubeboot.api.url=http://127.0.0.1:9")
class NodeAgentContextTest extends ActuatorContract {

  NodeAgentContextTest() {
    super("node-agent", "docker");
  }
}
