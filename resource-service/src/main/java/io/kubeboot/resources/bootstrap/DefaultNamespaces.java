package io.kubeboot.resources.bootstrap;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.api.ObjectApi;
import io.kubeboot.resources.api.WriteOptions;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The namespaces every cluster starts with, created through the API like any other object. */
@Component
class DefaultNamespaces implements ApplicationRunner {

  static final List<String> NAMES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

  private final ObjectApi api;

  DefaultNamespaces(ObjectApi api) {
    this.api = api;
  }

  @Override
  public void run(ApplicationArguments args) {
    ResourceType namespaces = ResourceRegistry.standard().find("", "v1", "namespaces").orElseThrow();
    JsonMapper mapper = JsonMapper.builder().build();
    for (String name : NAMES) {
      ObjectNode namespace = mapper.createObjectNode();
      namespace.put("apiVersion", "v1").put("kind", "Namespace").putObject("metadata").put("name", name);
      try {
        api.create(namespaces, null, namespace, WriteOptions.DEFAULT);
      } catch (ApiException e) {
        if (e.code() != 409) {
          throw e;
        }
      }
    }
  }
}
