package io.kubeboot.scheduler.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Plugins by name; a profile picks the ones it enables from here. */
public final class PluginRegistry {

  private final Map<String, Supplier<? extends Plugin>> factories = new LinkedHashMap<>();

  public PluginRegistry register(String name, Supplier<? extends Plugin> factory) {
    if (factories.putIfAbsent(name, factory) != null) {
      throw new IllegalArgumentException("plugin " + name + " is already registered");
    }
    return this;
  }

  /** A framework running the named plugins, filters and scores in the order given. */
  public Framework framework(List<String> enabled, RandomTieBreaker tieBreaker) {
    List<Plugin> plugins = enabled.stream().map(this::create).toList();
    return new Framework(
        plugins.stream().filter(FilterPlugin.class::isInstance).map(FilterPlugin.class::cast).toList(),
        plugins.stream().filter(ScorePlugin.class::isInstance).map(ScorePlugin.class::cast).toList(),
        tieBreaker);
  }

  public List<String> names() {
    return List.copyOf(factories.keySet());
  }

  private Plugin create(String name) {
    Supplier<? extends Plugin> factory = factories.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown plugin " + name + "; known: " + factories.keySet());
    }
    return factory.get();
  }
}
