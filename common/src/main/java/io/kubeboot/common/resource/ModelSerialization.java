package io.kubeboot.common.resource;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.model.jackson.Jackson2JdkTypesModule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The one fabric8 {@link KubernetesSerialization} every component converts model objects with:
 * fabric8's default mapper plus Jackson's Blackbird module, which reads and writes properties
 * through generated lambdas instead of reflection. The model classes are wide and sparse (a Pod
 * has hundreds of getters, most of them null), and the reflective calls were over half of what
 * turning a Pod back into JSON cost resource-service (JFR, bench scheduler).
 */
public final class ModelSerialization {

  private static final KubernetesSerialization INSTANCE = new KubernetesSerialization(
      JsonMapper.builderWithJackson2Defaults().addModule(new Jackson2JdkTypesModule())
          .addModule(new BlackbirdModule()).build(), true);

  private ModelSerialization() {
  }

  public static KubernetesSerialization get() {
    return INSTANCE;
  }
}
