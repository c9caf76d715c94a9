package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code SetDefaults_PodSpec} and everything nested in a pod spec (containers, ports,
 * probes, env, volumes): the defaults that every pod template gets, in pods and in all workload
 * kinds alike. Pod-only defaults are {@link PodDefaults}.
 */
final class PodSpecDefaults {

  static final long TERMINATION_GRACE_PERIOD_SECONDS = 30;
  /** 0644, upstream's default mode for secret, configMap, downwardAPI and projected volumes. */
  private static final int DEFAULT_VOLUME_MODE = 420;

  private PodSpecDefaults() {
  }

  /** Defaults the template's pod spec, creating an empty one if absent as upstream's zero value is. */
  static void apply(PodTemplateSpec template) {
    if (template == null) {
      return;
    }
    if (template.getSpec() == null) {
      template.setSpec(new PodSpec());
    }
    apply(template.getSpec());
  }

  static void apply(PodSpec spec) {
    if (Nulls.isEmpty(spec.getDnsPolicy())) {
      spec.setDnsPolicy("ClusterFirst");
    }
    if (Nulls.isEmpty(spec.getRestartPolicy())) {
      spec.setRestartPolicy("Always");
    }
    if (spec.getSecurityContext() == null) {
      spec.setSecurityContext(new PodSecurityContext());
    }
    if (spec.getTerminationGracePeriodSeconds() == null) {
      spec.setTerminationGracePeriodSeconds(TERMINATION_GRACE_PERIOD_SECONDS);
    }
    if (Nulls.isEmpty(spec.getSchedulerName())) {
      spec.setSchedulerName("default-scheduler");
    }
    mirrorServiceAccount(spec);
    Nulls.list(spec.getContainers()).forEach(PodSpecDefaults::container);
    Nulls.list(spec.getInitContainers()).forEach(PodSpecDefaults::container);
    Nulls.list(spec.getVolumes()).forEach(PodSpecDefaults::volume);
  }

  /**
   * The v1 conversion keeps the deprecated {@code serviceAccount} equal to
   * {@code serviceAccountName}, taking it over when only the old field was sent.
   */
  static void mirrorServiceAccount(PodSpec spec) {
    if (Nulls.isEmpty(spec.getServiceAccountName()) && !Nulls.isEmpty(spec.getServiceAccount())) {
      spec.setServiceAccountName(spec.getServiceAccount());
    }
    spec.setServiceAccount(Nulls.isEmpty(spec.getServiceAccountName()) ? null : spec.getServiceAccountName());
  }

  private static void container(Container container) {
    if (Nulls.isEmpty(container.getImagePullPolicy())) {
      container.setImagePullPolicy(ImagePullPolicies.defaultFor(container.getImage()));
    }
    if (Nulls.isEmpty(container.getTerminationMessagePath())) {
      container.setTerminationMessagePath("/dev/termination-log");
    }
    if (Nulls.isEmpty(container.getTerminationMessagePolicy())) {
      container.setTerminationMessagePolicy("File");
    }
    for (ContainerPort port : Nulls.list(container.getPorts())) {
      if (Nulls.isEmpty(port.getProtocol())) {
        port.setProtocol("TCP");
      }
    }
    for (EnvVar env : Nulls.list(container.getEnv())) {
      if (env.getValueFrom() != null) {
        fieldRef(env.getValueFrom().getFieldRef());
      }
    }
    probe(container.getLivenessProbe());
    probe(container.getReadinessProbe());
    probe(container.getStartupProbe());
    Lifecycle lifecycle = container.getLifecycle();
    if (lifecycle != null) {
      handler(lifecycle.getPostStart());
      handler(lifecycle.getPreStop());
    }
  }

  private static void probe(Probe probe) {
    if (probe == null) {
      return;
    }
    if (probe.getTimeoutSeconds() == null) {
      probe.setTimeoutSeconds(1);
    }
    if (probe.getPeriodSeconds() == null) {
      probe.setPeriodSeconds(10);
    }
    if (probe.getSuccessThreshold() == null) {
      probe.setSuccessThreshold(1);
    }
    if (probe.getFailureThreshold() == null) {
      probe.setFailureThreshold(3);
    }
    httpGet(probe.getHttpGet());
  }

  private static void handler(LifecycleHandler handler) {
    if (handler != null) {
      httpGet(handler.getHttpGet());
    }
  }

  private static void httpGet(HTTPGetAction action) {
    if (action == null) {
      return;
    }
    if (Nulls.isEmpty(action.getPath())) {
      action.setPath("/");
    }
    if (Nulls.isEmpty(action.getScheme())) {
      action.setScheme("HTTP");
    }
  }

  private static void fieldRef(ObjectFieldSelector selector) {
    if (selector != null && Nulls.isEmpty(selector.getApiVersion())) {
      selector.setApiVersion("v1");
    }
  }

  private static void volume(Volume volume) {
    if (!hasSource(volume)) {
      // upstream: a volume that names no source is an emptyDir
      volume.setEmptyDir(new EmptyDirVolumeSource());
    }
    if (volume.getSecret() != null && volume.getSecret().getDefaultMode() == null) {
      volume.getSecret().setDefaultMode(DEFAULT_VOLUME_MODE);
    }
    if (volume.getConfigMap() != null && volume.getConfigMap().getDefaultMode() == null) {
      volume.getConfigMap().setDefaultMode(DEFAULT_VOLUME_MODE);
    }
    if (volume.getDownwardAPI() != null) {
      if (volume.getDownwardAPI().getDefaultMode() == null) {
        volume.getDownwardAPI().setDefaultMode(DEFAULT_VOLUME_MODE);
      }
      downwardApiItems(volume.getDownwardAPI().getItems());
    }
    if (volume.getProjected() != null) {
      if (volume.getProjected().getDefaultMode() == null) {
        volume.getProjected().setDefaultMode(DEFAULT_VOLUME_MODE);
      }
      for (VolumeProjection source : Nulls.list(volume.getProjected().getSources())) {
        if (source.getDownwardAPI() != null) {
          downwardApiItems(source.getDownwardAPI().getItems());
        }
      }
    }
    if (volume.getHostPath() != null && volume.getHostPath().getType() == null) {
      volume.getHostPath().setType("");
    }
  }

  private static void downwardApiItems(List<DownwardAPIVolumeFile> items) {
    for (DownwardAPIVolumeFile item : Nulls.list(items)) {
      fieldRef(item.getFieldRef());
    }
  }

  /** How many volume sources the volume names (every wire field but its name). */
  static int sourceCount(Volume volume) {
    Map<?, ?> fields = Copies.serialization().convertValue(volume, Map.class);
    return (int) fields.keySet().stream().filter(key -> !"name".equals(key)).count();
  }

  private static boolean hasSource(Volume volume) {
    return sourceCount(volume) > 0;
  }
}
