package io.kubeboot.resources.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class StrategiesTest {

  @Test
  void everyRegisteredKindHasAStrategyForItsModelClass() {
    for (ResourceType type : ResourceRegistry.standard().all()) {
      ResourceStrategy<?> strategy = Strategies.forType(type);
      assertThat(strategy.type()).as(type.kind()).isEqualTo(type.type());
      assertThat(Strategies.forType(type)).isSameAs(strategy);
    }
  }

  @Test
  void kindsWithAStatusSubresourceSupportStatusUpdates() throws ReflectiveOperationException {
    for (ResourceType type : ResourceRegistry.standard().all()) {
      ResourceStrategy<HasMetadata> strategy = Strategies.forObjects(type);
      HasMetadata object = newObject(type);
      HasMetadata old = newObject(type);
      if (type.hasSubresource("status")) {
        strategy.prepareForStatusUpdate(object, old);
      } else {
        assertThatThrownBy(() -> strategy.prepareForStatusUpdate(object, old))
            .isInstanceOf(UnsupportedOperationException.class);
      }
    }
  }

  @Test
  void nameRulesFollowUpstream() {
    assertThat(Strategies.forClass(ClusterRole.class).nameRule()).isEqualTo(NameRule.PATH_SEGMENT);
    assertThat(Strategies.forClass(ServiceAccount.class).nameRule()).isEqualTo(NameRule.DNS1123_SUBDOMAIN);
    assertThat(Strategies.forClass(io.fabric8.kubernetes.api.model.Service.class).nameRule())
        .isEqualTo(NameRule.DNS1035_LABEL);
  }

  @Test
  void genericKindsHaveOnlyTheMetadataRules() {
    ServiceAccount account = new ServiceAccount();
    account.setMetadata(new ObjectMeta());
    account.getMetadata().setName("Builder");
    ResourceStrategy<ServiceAccount> strategy = Strategies.forClass(ServiceAccount.class);
    strategy.prepareForCreate(account);
    assertThat(strategy.validate(account)).isEmpty();
    assertThat(StorageCalls.createErrors(strategy, account)).hasSize(2)
        .anyMatch(m -> m.startsWith("metadata.name: Invalid value: \"Builder\""))
        .contains("metadata.namespace: Required value");
  }

  private static HasMetadata newObject(ResourceType type)
      throws InstantiationException, IllegalAccessException, InvocationTargetException, NoSuchMethodException {
    HasMetadata object = type.type().getDeclaredConstructor().newInstance();
    object.setMetadata(new ObjectMeta());
    object.getMetadata().setName("x");
    return object;
  }
}
