package io.kubeboot.resources.patch;

import static io.kubeboot.resources.patch.Fixtures.strategic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubeboot.common.api.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed strategic merge patches are the client's 400, worded like upstream's mergepatch errors. */
class StrategicMergePatchErrorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      list element without its merge key | {"spec":{"containers":[{"image":"nginx"}]}} \
        | does not contain declared merge key: name
      delete directive without the merge key | {"spec":{"containers":[{"$patch":"delete"}]}} \
        | does not contain declared merge key: name
      scalar in a list merged by key | {"spec":{"containers":["nginx"]}} \
        | must hold objects
      unknown directive in a list | {"spec":{"containers":[{"$patch":"explode","name":"nginx"}]}} \
        | unknown patch type: "explode"
      merge directive in a list | {"spec":{"containers":[{"$patch":"merge","name":"nginx"}]}} \
        | merging lists cannot yet be specified in the patch
      unknown directive in a map | {"metadata":{"labels":{"$patch":"merge"}}} \
        | unknown patch type: "merge"
      setElementOrder without a list name | {"spec":{"$setElementOrder":[{"name":"nginx"}]}} \
        | invalid patch format of setElementOrder list
      setElementOrder that is not a list | {"spec":{"$setElementOrder/containers":{"name":"nginx"}}} \
        | invalid patch format of setElementOrder list
      setElementOrder element without the merge key | {"spec":{"$setElementOrder/containers":[{"image":"nginx"}]}} \
        | invalid patch format of setElementOrder list
      deleteFromPrimitiveList that is not a list | {"metadata":{"$deleteFromPrimitiveList/finalizers":"example.com/a"}} \
        | invalid patch format of primitive list
      deleteFromPrimitiveList without a list name | {"metadata":{"$deleteFromPrimitiveList/":["example.com/a"]}} \
        | invalid patch format of primitive list
      retainKeys that is not a list | {"spec":{"$retainKeys":"nodeName"}} \
        | invalid patch format of retainKeys
      patch setting a key retainKeys drops | {"spec":{"$retainKeys":["nodeName"],"hostname":"web-0"}} \
        | invalid patch format of retainKeys
      """)
  void malformedDirectiveIsBadRequest(String why, String patch, String message) {
    ApiException error = catchThrowableOfType(ApiException.class, () -> strategic(Fixtures.POD, patch));

    assertThat(error.code()).isEqualTo(400);
    assertThat(error.reason()).isEqualTo("BadRequest");
    assertThat(error.getMessage()).contains(message);
  }
}
