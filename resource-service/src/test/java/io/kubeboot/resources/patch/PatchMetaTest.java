package io.kubeboot.resources.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The merge strategy of a list is found by walking the kind's model along the JSON path. */
class PatchMetaTest {

  @ParameterizedTest(name = "{1} {2}.{3}")
  @CsvSource(delimiter = '|', textBlock = """
      apps/v1  | Deployment  | spec.template.spec                   | containers     | name
      apps/v1  | StatefulSet | spec.template.spec.containers        | volumeMounts   | mountPath
      batch/v1 | CronJob     | spec.jobTemplate.spec.template.spec  | initContainers | name
      batch/v1 | CronJob     | spec.jobTemplate.metadata            | ownerReferences | uid
      v1       | Pod         | spec.ephemeralContainers             | env            | name
      v1       | Pod         | spec.initContainers                  | volumeDevices  | devicePath
      v1       | Pod         | spec                                 | hostAliases    | ip
      v1       | Pod         | spec                                 | topologySpreadConstraints | topologyKey
      v1       | Service     | status                               | conditions     | type
      v1       | Namespace   | status                               | conditions     | type
      apps/v1  | DaemonSet   | status                               | conditions     | type
      v1       | ServiceAccount | ''                                | secrets        | name
      """)
  void listsMergeByTheirUpstreamKeyWhereverTheirStructSits(String apiVersion, String kind, String path,
      String field, String mergeKey) {
    assertThat(walk(PatchMeta.of(Fixtures.kind(apiVersion, kind)), path).listStrategy(field))
        .isEqualTo(ListStrategy.byKey(mergeKey));
  }

  @ParameterizedTest(name = "{1} {2}.{3}")
  @CsvSource(delimiter = '|', textBlock = """
      v1      | Pod        | spec                          | tolerations
      v1      | Pod        | spec.containers               | args
      v1      | Pod        | spec.containers               | envFrom
      v1      | Pod        | status                        | containerStatuses
      v1      | Node       | spec                          | taints
      apps/v1 | Deployment | spec.template.spec.nowhere    | containers
      """)
  void otherListsAreReplaced(String apiVersion, String kind, String path, String field) {
    assertThat(walk(PatchMeta.of(Fixtures.kind(apiVersion, kind)), path).listStrategy(field))
        .isEqualTo(ListStrategy.REPLACE);
  }

  @Test
  void propertiesAreNamedAsInJson() {
    assertThat(ModelProperties.valueType(ListMeta.class, "continue")).isEqualTo(String.class);
    assertThat(ModelProperties.valueType(ObjectMeta.class, "labels")).isEqualTo(String.class);
    assertThat(ModelProperties.valueType(ObjectMeta.class, "additionalProperties")).isNull();
  }

  private static PatchMeta walk(PatchMeta meta, String path) {
    for (String field : path.isEmpty() ? new String[0] : path.split("\\.")) {
      meta = meta.field(field);
    }
    return meta;
  }
}
