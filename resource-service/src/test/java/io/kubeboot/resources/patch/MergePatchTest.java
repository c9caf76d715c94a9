package io.kubeboot.resources.patch;

import static io.kubeboot.resources.patch.Fixtures.object;
import static io.kubeboot.resources.patch.Fixtures.patch;
import static io.kubeboot.resources.patch.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchTest {

  /** RFC 7386 appendix A, the cases whose target and patch are objects. */
  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"a":"b"}                  | {"a":"c"}                       | {"a":"c"}
      {"a":"b"}                  | {"b":"c"}                       | {"a":"b","b":"c"}
      {"a":"b"}                  | {"a":null}                      | {}
      {"a":"b","b":"c"}          | {"a":null}                      | {"b":"c"}
      {"a":["b"]}                | {"a":"c"}                       | {"a":"c"}
      {"a":"c"}                  | {"a":["b"]}                     | {"a":["b"]}
      {"a":{"b":"c"}}            | {"a":{"b":"d","c":null}}        | {"a":{"b":"d"}}
      {"a":[{"b":"c"}]}          | {"a":[1]}                       | {"a":[1]}
      {"e":null}                 | {"a":1}                         | {"e":null,"a":1}
      {"x":[1,2]}                | {"x":{"a":"b","c":null}}        | {"x":{"a":"b"}}
      {}                         | {"a":{"bb":{"ccc":null}}}       | {"a":{"bb":{}}}
      """)
  void followsRfc7386(String target, String patch, String expected) {
    assertThat(MergePatch.apply(object(target), object(patch))).isEqualTo(tree(expected));
  }

  @Test
  void kubectlLabelAddsALabel() {
    var result = patch(PatchType.MERGE, Fixtures.SERVICE, """
        {"metadata":{"labels":{"version":"v1"}}}""");

    assertThat(result.at("/metadata/labels")).isEqualTo(tree("""
        {"app":"kubernetes-bootcamp","version":"v1"}"""));
    assertThat(result.at("/spec")).isEqualTo(object(Fixtures.SERVICE).at("/spec"));
  }

  @Test
  void kubectlScaleSetsReplicas() {
    var result = patch(PatchType.MERGE, Fixtures.DEPLOYMENT, """
        {"spec":{"replicas":4}}""");

    assertThat(result.at("/spec/replicas").asInt()).isEqualTo(4);
    assertThat(result.at("/spec/template")).isEqualTo(object(Fixtures.DEPLOYMENT).at("/spec/template"));
  }

  @Test
  void listsAreReplacedWhole() {
    var result = patch(PatchType.MERGE, Fixtures.DEPLOYMENT, """
        {"spec":{"template":{"spec":{"containers":[{"name":"kubernetes-bootcamp","image":"nginx"}]}}}}""");

    assertThat(result.at("/spec/template/spec/containers")).isEqualTo(tree("""
        [{"name":"kubernetes-bootcamp","image":"nginx"}]"""));
  }
}
