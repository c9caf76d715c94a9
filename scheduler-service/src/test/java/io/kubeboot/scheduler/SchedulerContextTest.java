package io.kubeboot.scheduler;

import io.kubeboot.common.test.ActuatorContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchedulerContextTest extends ActuatorContract {

  SchedulerContextTest() {
    super("scheduler-service", "kafka");
  }
}
