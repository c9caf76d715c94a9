package io.kubeboot.resources.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubeboot.common.api.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PatchTypeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      application/json-patch+json                         | JSON
      application/merge-patch+json                        | MERGE
      application/strategic-merge-patch+json              | STRATEGIC
      application/merge-patch+json; charset=utf-8         | MERGE
      Application/Strategic-Merge-Patch+JSON;charset=UTF-8 | STRATEGIC
      """)
  void contentTypeNamesThePatchTypeWhateverItsParameters(String contentType, PatchType expected) {
    assertThat(PatchType.fromContentType(contentType)).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"application/apply-patch+yaml", "application/json", "application/yaml", "text/plain"})
  void otherContentTypesAreUnsupportedMediaTypes(String contentType) {
    ApiException error = catchThrowableOfType(ApiException.class, () -> PatchType.fromContentType(contentType));

    assertThat(error.code()).isEqualTo(415);
    assertThat(error.reason()).isEqualTo("UnsupportedMediaType");
    assertThat(error.getMessage()).isEqualTo("the body of the request was in an unknown format - accepted media "
        + "types include: application/json-patch+json, application/merge-patch+json, "
        + "application/strategic-merge-patch+json");
  }
}
