package io.kubeboot.resources;

import io.kubeboot.common.test.ActuatorContract;
import io.kubeboot.resources.support.ResourceServiceTest;

@ResourceServiceTest
class ResourceServiceContextTest extends ActuatorContract {

  ResourceServiceContextTest() {
    super("resource-service", "db", "kafka");
  }
}
