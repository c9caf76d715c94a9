package io.kubeboot.resources.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SelectionTest {

  private static final ObjectNode WEB = Json.read("""
      {"metadata":{"name":"web","namespace":"default","labels":{"app":"web","tier":"front"}}}""");

  @Test
  void noSelectorSelectsEverything() {
    Selection none = Selection.parse(null, "");

    assertThat(none.everything()).isTrue();
    assertThat(none.matches(WEB)).isTrue();
    assertThat(none.labelEqualities()).isEmpty();
  }

  @Test
  void labelAndFieldSelectorsMustBothMatch() {
    assertThat(Selection.parse("app=web", "metadata.name=web").matches(WEB)).isTrue();
    assertThat(Selection.parse("app=web", "metadata.name=db").matches(WEB)).isFalse();
    assertThat(Selection.parse("app!=web", null).matches(WEB)).isFalse();
    assertThat(Selection.parse("app=web", null).everything()).isFalse();
  }

  @Test
  void onlyEqualitiesGoToTheIndex() {
    Selection selection = Selection.parse("app=web,tier==front,env in (prod),zone in (a,b),!legacy", null);

    assertThat(selection.labelEqualities()).isEqualTo(Map.of("app", "web", "tier", "front", "env", "prod"));
  }
}
