package io.kubeboot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.api.RequestInfo;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestsTest {

  @Test
  void queryParametersAreDecodedFromTheRawQuery() {
    String query = "labelSelector=app%3Dweb%2Ctier+in+%28a%2Cb%29&watch&limit=500&limit=1";

    assertThat(Requests.queryParam(query, "labelSelector")).isEqualTo("app=web,tier in (a,b)");
    assertThat(Requests.queryParam(query, "watch")).isEmpty();
    assertThat(Requests.queryParam(query, "limit")).isEqualTo("500");
    assertThat(Requests.queryParam(query, "missing")).isNull();
    assertThat(Requests.queryParam((String) null, "watch")).isNull();
  }

  @Test
  void theRequestInfoIsResolvedOnceFromMethodPathAndQuery() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/namespaces/default/pods");
    request.setQueryString("watch=true");

    RequestInfo info = Requests.info(request);

    assertThat(info.verb()).isEqualTo("watch");
    assertThat(info.resource()).isEqualTo("pods");
    assertThat(Requests.info(request)).isSameAs(info);
  }

  @Test
  void aPathVerbWithoutAResourceIsAPlainPath() {
    RequestInfo info = Requests.info(new MockHttpServletRequest("GET", "/api/v1/watch"));

    assertThat(info.resourceRequest()).isFalse();
    assertThat(info.path()).isEqualTo("/api/v1/watch");
  }
}
