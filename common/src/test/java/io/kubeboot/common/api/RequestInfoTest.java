package io.kubeboot.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestInfoTest {

  /** Splits {@code /path?a=b&c} into the path and a query lookup, as a servlet would. */
  private static RequestInfo resolve(String method, String url) {
    int question = url.indexOf('?');
    Map<String, String> query = new HashMap<>();
    if (question >= 0) {
      for (String pair : url.substring(question + 1).split("&")) {
        int equals = pair.indexOf('=');
        query.putIfAbsent(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
      }
    }
    return RequestInfo.resolve(method, question < 0 ? url : url.substring(0, question), query::get);
  }

  /** {@code verb prefix:group:version namespace resource name subresource}, "-" for null. */
  private static String describe(RequestInfo info) {
    return String.join(" ", info.verb(), info.apiPrefix() + ":" + info.group() + ":" + info.version(),
        dash(info.namespace()), info.resource(), dash(info.name()), dash(info.subresource()));
  }

  private static String dash(String value) {
    return value == null ? "-" : value;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "GET     | /api/v1/namespaces/default/pods/web-1/log            | get api::v1 default pods web-1 log",
      "GET     | /api/v1/namespaces/default/pods/web-1/exec?stdin=1   | get api::v1 default pods web-1 exec",
      "PATCH   | /apis/apps/v1/namespaces/default/deployments/x/scale | patch apis:apps:v1 default deployments x scale",
      "GET     | /apis/apps/v1/namespaces/default/deployments/x       | get apis:apps:v1 default deployments x -",
      "GET     | /api/v1/pods?watch=true                              | watch api::v1 - pods - -",
      "GET     | /api/v1/pods?watch=1                                 | watch api::v1 - pods - -",
      "GET     | /api/v1/pods?watch=                                  | watch api::v1 - pods - -",
      "GET     | /api/v1/pods?watch=false                             | list api::v1 - pods - -",
      "GET     | /api/v1/pods?watch=FALSE                             | list api::v1 - pods - -",
      "GET     | /api/v1/pods?watch=0                                 | list api::v1 - pods - -",
      "GET     | /api/v1/pods?limit=500                               | list api::v1 - pods - -",
      "GET     | /api/v1/namespaces/default/pods?watch=true&limit=5   | watch api::v1 default pods - -",
      "GET     | /api/v1/namespaces/default/pods/                     | list api::v1 default pods - -",
      "GET     | /api/v1/watch/namespaces/default/pods                | watch api::v1 default pods - -",
      "GET     | /api/v1/watch/namespaces/default/pods/web-1          | watch api::v1 default pods web-1 -",
      "GET     | /api/v1/watch/nodes                                  | watch api::v1 - nodes - -",
      "GET     | /apis/apps/v1/deployments                            | list apis:apps:v1 - deployments - -",
      "PUT     | /api/v1/nodes/n1/status                              | update api::v1 - nodes n1 status",
      "GET     | /api/v1/nodes/n1                                     | get api::v1 - nodes n1 -",
      "GET     | /api/v1/namespaces/kube-system                       | get api::v1 - namespaces kube-system -",
      "DELETE  | /api/v1/namespaces/kube-system                       | delete api::v1 - namespaces kube-system -",
      "PUT     | /api/v1/namespaces/ns1/status                        | update api::v1 - namespaces ns1 status",
      "PUT     | /api/v1/namespaces/ns1/finalize                      | update api::v1 - namespaces ns1 finalize",
      "GET     | /api/v1/namespaces                                   | list api::v1 - namespaces - -",
      "POST    | /api/v1/namespaces                                   | create api::v1 - namespaces - -",
      "DELETE  | /api/v1/namespaces/default/pods                      | deletecollection api::v1 default pods - -",
      "DELETE  | /api/v1/namespaces/default/pods/web-1                | delete api::v1 default pods web-1 -",
      "POST    | /api/v1/namespaces/default/pods                      | create api::v1 default pods - -",
      "POST    | /api/v1/namespaces/default/pods/web-1/binding        | create api::v1 default pods web-1 binding",
      "PUT     | /api/v1/namespaces/default/pods/web-1                | update api::v1 default pods web-1 -",
      "HEAD    | /api/v1/namespaces/default/pods/web-1                | get api::v1 default pods web-1 -",
      "OPTIONS | /api/v1/namespaces/default/pods                      | ' api::v1 default pods - -'",
      "GET     | /apis/coordination.k8s.io/v1/leases                  | list apis:coordination.k8s.io:v1 - leases - -",
      "GET     | /api/v1/namespaces/default/services/web:http/proxy   | get api::v1 default services web:http proxy",
      "GET     | /api/v1/proxy/namespaces/default/pods/web-1/metrics  | proxy api::v1 default pods web-1 -"})
  void resolvesResourceRequestsLikeUpstream(String method, String url, String expected) {
    RequestInfo info = resolve(method, url);

    assertThat(describe(info)).isEqualTo(expected);
    assertThat(info.resourceRequest()).isTrue();
    assertThat(info.path()).isEqualTo(url.contains("?") ? url.substring(0, url.indexOf('?')) : url);
  }

  @Test
  void coreGroupIsEmptyAndAbsentPartsAreNull() {
    assertThat(resolve("GET", "/api/v1/pods")).isEqualTo(
        new RequestInfo(true, "list", "api", "", "v1", null, "pods", null, null, "/api/v1/pods"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "GET  | /version",
      "GET  | /openapi/v3",
      "GET  | /openapi/v3/apis/apps/v1",
      "GET  | /api",
      "GET  | /api/v1",
      "GET  | /apis",
      "GET  | /apis/apps",
      "GET  | /apis/apps/v1",
      "GET  | /apis/apps/v1/",
      "GET  | /healthz",
      "GET  | /",
      "POST | /apis/apps"})
  void shorterThanGroupVersionResourceIsNotAResourceRequest(String method, String path) {
    RequestInfo info = resolve(method, path);

    assertThat(info).isEqualTo(new RequestInfo(false, method.toLowerCase(), null, null, null, null, null, null,
        null, path));
    assertThat(info.namespaced()).isFalse();
    assertThat(info.groupResource()).isNull();
  }

  @Test
  void namespacedIsWhetherTheRequestIsInsideOneNamespace() {
    assertThat(resolve("GET", "/api/v1/namespaces/default/pods").namespaced()).isTrue();
    assertThat(resolve("GET", "/api/v1/pods").namespaced()).isFalse();
    assertThat(resolve("GET", "/api/v1/namespaces/default").namespaced()).isFalse();
  }

  @Test
  void groupResourceQualifiesAllButTheCoreGroup() {
    assertThat(resolve("GET", "/api/v1/namespaces/default/pods/x/log").groupResource()).isEqualTo("pods");
    assertThat(resolve("PATCH", "/apis/apps/v1/namespaces/default/deployments/x/scale").groupResource())
        .isEqualTo("deployments.apps");
  }

  @Test
  void nameComesOnlyFromThePathNotFromAFieldSelector() {
    RequestInfo info = resolve("GET", "/apis/apps/v1/namespaces/default/deployments?fieldSelector=metadata.name=x");

    assertThat(info.verb()).isEqualTo("list");
    assertThat(info.name()).isNull();
  }

  @Test
  void aPathVerbWithNothingAfterItIsAnInternalErrorAsUpstream() {
    assertThatThrownBy(() -> resolve("GET", "/api/v1/watch"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(500);
          assertThat(e.getMessage()).isEqualTo("Internal error occurred: failed to create RequestInfo: "
              + "unable to determine kind and namespace from url, /api/v1/watch");
        });
  }
}
