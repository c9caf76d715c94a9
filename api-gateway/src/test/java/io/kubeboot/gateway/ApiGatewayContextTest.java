package io.kubeboot.gateway;

import io.kubeboot.common.test.ActuatorContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiGatewayContextTest extends ActuatorContract {

  ApiGatewayContextTest() {
    super("api-gateway");
  }
}
