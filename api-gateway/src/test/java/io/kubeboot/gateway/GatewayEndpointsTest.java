package io.kubeboot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.gateway.support.GatewayTest;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The gateway's own endpoints and its refusals, over HTTP. */
class GatewayEndpointsTest extends GatewayTest {

  private static final String AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
      + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

  @Test
  void versionIsOpenAndClaimsKubernetes133() throws Exception {
    HttpResponse<String> version = get("/version", "Authorization", "Bearer nobody");

    assertThat(version.statusCode()).isEqualTo(200);
    JsonNode body = json(version.body());
    assertThat(body.path("major").asString()).isEqualTo("1");
    assertThat(body.path("minor").asString()).isEqualTo("33");
    assertThat(body.path("gitVersion").asString()).isEqualTo("v1.33.0-kubeboot");
    assertThat(body.path("platform").asString()).contains("/");
    assertThat(body.path("buildDate").asString()).isNotEmpty();
  }

  @Test
  void probesAreOpen() throws Exception {
    for (String path : new String[] {"/healthz", "/livez", "/readyz"}) {
      HttpResponse<String> probe = send(HttpRequest.newBuilder(request(path).build().uri()).build());
      assertThat(probe.statusCode()).as(path).isEqualTo(200);
      assertThat(probe.body()).isEqualTo("ok");
    }
  }

  @Test
  void withoutATokenTheApiIsUnauthorized() throws Exception {
    HttpResponse<String> noToken = send(HttpRequest.newBuilder(request("/api").build().uri()).build());
    HttpResponse<String> badToken = get("/api/v1/namespaces/default/pods", "Authorization", "Bearer wrong");

    for (HttpResponse<String> response : java.util.List.of(noToken, badToken)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(json(response.body())).isEqualTo(json("""
          {"apiVersion":"v1","kind":"Status","metadata":{},"status":"Failure","message":"Unauthorized",
           "reason":"Unauthorized","code":401}"""));
    }
    assertThat(resourceService.received()).isEmpty();
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() throws Exception {
    assertThat(get("/api", "Authorization", "bearer " + ADMIN_TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void aggregatedDiscoveryOfTheCoreGroup() throws Exception {
    HttpResponse<String> api = get("/api", "Accept", AGGREGATED);

    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValue("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    JsonNode list = json(api.body());
    assertThat(list.path("apiVersion").asString()).isEqualTo("apidiscovery.k8s.io/v2");
    assertThat(list.path("items")).hasSize(1);
    assertThat(list.path("items").path(0).path("metadata").path("name").asString("")).isEmpty();
    JsonNode pods = resource(list.path("items").path(0), "pods");
    assertThat(pods.path("shortNames").toString()).isEqualTo("[\"po\"]");
    assertThat(pods.path("categories").toString()).isEqualTo("[\"all\"]");
    assertThat(pods.path("scope").asString()).isEqualTo("Namespaced");
  }

  @Test
  void aggregatedDiscoveryOfTheGroups() throws Exception {
    HttpResponse<String> apis = get("/apis?timeout=32s", "Accept", AGGREGATED);

    assertThat(apis.headers().firstValue("Content-Type"))
        .hasValue("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    JsonNode apps = groupNamed(json(apis.body()), "apps");
    JsonNode deployments = resource(apps, "deployments");
    assertThat(deployments.path("subresources").findValues("subresource").toString()).contains("scale");
    assertThat(groupNamed(json(apis.body()), "")).isNull();
  }

  @Test
  void aClientThatOnlyKnowsV2beta1GetsV2beta1() throws Exception {
    HttpResponse<String> apis = get("/apis",
        "Accept", "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json");

    assertThat(apis.headers().firstValue("Content-Type"))
        .hasValue("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");
    assertThat(json(apis.body()).path("apiVersion").asString()).isEqualTo("apidiscovery.k8s.io/v2beta1");
  }

  @Test
  void legacyDiscovery() throws Exception {
    JsonNode versions = json(get("/api", "Accept", "application/json, */*").body());
    JsonNode groups = json(get("/apis", "Accept", "application/json").body());
    JsonNode core = json(get("/api/v1").body());
    JsonNode apps = json(get("/apis/apps/v1").body());
    JsonNode appsGroup = json(get("/apis/apps").body());

    assertThat(versions.path("kind").asString()).isEqualTo("APIVersions");
    assertThat(versions.path("versions").toString()).isEqualTo("[\"v1\"]");
    assertThat(groups.path("kind").asString()).isEqualTo("APIGroupList");
    assertThat(groups.path("groups").findValuesAsString("name")).contains("apps", "batch", "rbac.authorization.k8s.io");
    assertThat(core.path("kind").asString()).isEqualTo("APIResourceList");
    assertThat(core.path("groupVersion").asString()).isEqualTo("v1");
    assertThat(core.path("resources").findValuesAsString("name")).contains("pods", "pods/log", "pods/exec",
        "pods/status", "pods/binding", "services", "nodes");
    assertThat(apps.path("groupVersion").asString()).isEqualTo("apps/v1");
    assertThat(appsGroup.path("preferredVersion").path("groupVersion").asString()).isEqualTo("apps/v1");
  }

  @Test
  void unknownGroupVersionsAndPathsAreNotFoundStatuses() throws Exception {
    for (String path : new String[] {"/apis/example.com/v1", "/apis/example.com", "/api/v2", "/nothing/here"}) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(json(response.body()).path("reason").asString()).isEqualTo("NotFound");
      assertThat(json(response.body()).path("message").asString())
          .isEqualTo("the server could not find the requested resource");
    }
  }

  @Test
  void anUnsupportedMethodIsMethodNotAllowed() throws Exception {
    HttpResponse<String> response = send(request("/version").POST(BodyPublishers.noBody()).build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(json(response.body()).path("reason").asString()).isEqualTo("MethodNotAllowed");
  }

  @Test
  void openApiV3IndexAndDocuments() throws Exception {
    JsonNode index = json(get("/openapi/v3?timeout=32s").body());
    String coreUrl = index.path("paths").path("api/v1").path("serverRelativeURL").asString();
    assertThat(coreUrl).startsWith("/openapi/v3/api/v1?hash=");
    assertThat(index.path("paths").has("apis/apps/v1")).isTrue();

    HttpResponse<String> core = get(coreUrl);
    assertThat(core.statusCode()).isEqualTo(200);
    assertThat(core.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    JsonNode patch = json(core.body()).path("paths").path("/api/v1/namespaces/{namespace}/pods/{name}").path("patch");
    assertThat(patch.path("x-kubernetes-group-version-kind").toString())
        .isEqualTo("{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"}");
    assertThat(patch.path("parameters").findValuesAsString("name")).contains("fieldValidation");

    assertThat(get("/openapi/v3/apis/example.com/v1").statusCode()).isEqualTo(404);
    assertThat(get("/openapi/v2", "Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf")
        .statusCode()).isEqualTo(404);
  }

  @Test
  void aBodyOverThreeMebibytesIsRefusedAndNotForwarded() throws Exception {
    byte[] body = new byte[4 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) ' ');

    HttpResponse<String> response = send(request("/api/v1/namespaces/default/configmaps",
        "Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body)).build());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response.body()).path("reason").asString()).isEqualTo("RequestEntityTooLarge");
    assertThat(json(response.body()).path("message").asString())
        .isEqualTo("Request entity too large: limit is 3145728");
    assertThat(resourceService.received()).isEmpty();
  }

  @Test
  void anUnknownContentTypeIsUnsupported() throws Exception {
    HttpResponse<String> response = send(request("/api/v1/namespaces/default/configmaps",
        "Content-Type", "text/csv").POST(BodyPublishers.ofString("a,b")).build());
    HttpResponse<String> protobufPatch = send(request("/api/v1/namespaces/default/configmaps/c",
        "Content-Type", "application/vnd.kubernetes.protobuf").method("PATCH", BodyPublishers.ofString("k8s")).build());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json(response.body()).path("reason").asString()).isEqualTo("UnsupportedMediaType");
    assertThat(json(response.body()).path("message").asString()).startsWith(
        "the body of the request was in an unknown format - accepted media types include: application/json");
    HttpResponse<String> form = send(request("/api/v1/namespaces/default/configmaps",
        "Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString("a=b")).build());

    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(protobufPatch.statusCode()).isEqualTo(415);
    assertThat(json(protobufPatch.body()).path("message").asString()).contains("application/merge-patch+json");
    assertThat(resourceService.received()).isEmpty();
  }

  @Test
  void anUndecodableProtobufBodyIsABadRequest() throws Exception {
    HttpResponse<String> response = send(request("/apis/apps/v1/namespaces/default/deployments",
        "Content-Type", "application/vnd.kubernetes.protobuf").POST(BodyPublishers.ofString("{}")).build());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).path("reason").asString()).isEqualTo("BadRequest");
    assertThat(resourceService.received()).isEmpty();
  }

  private static JsonNode groupNamed(JsonNode list, String name) {
    for (JsonNode group : list.path("items")) {
      if (group.path("metadata").path("name").asString("").equals(name)) {
        return group;
      }
    }
    return null;
  }

  private static JsonNode resource(JsonNode group, String name) {
    for (JsonNode resource : group.path("versions").path(0).path("resources")) {
      if (resource.path("resource").asString().equals(name)) {
        return resource;
      }
    }
    throw new AssertionError("no " + name + " in " + group);
  }
}
