package io.kubeboot.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.gateway.support.GatewayTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The gateway answers SelfSubjectAccessReviews itself, for the user who sends one; here under
 * AlwaysAllow (RBAC's answers are tested with RbacAuthorizerTest and end to end in RbacIT).
 */
class SelfSubjectAccessReviewTest extends GatewayTest {

  private static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

  @Test
  void aReviewIsAnsweredWithItsStatusAndNotStored() throws Exception {
    HttpResponse<String> reply = post("{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
        + "\"spec\":{\"resourceAttributes\":{\"namespace\":\"default\",\"verb\":\"list\",\"resource\":\"pods\"}}}");
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    JsonNode review = json(reply.body());
    assertThat(review.path("kind").asString()).isEqualTo("SelfSubjectAccessReview");
    assertThat(review.at("/spec/resourceAttributes/resource").asString()).isEqualTo("pods");
    assertThat(review.at("/status/allowed").asBoolean()).isTrue();
    assertThat(resourceService.received()).isEmpty();
  }

  @Test
  void aReviewWithoutExactlyOneKindOfAttributesIsInvalid() throws Exception {
    HttpResponse<String> neither = post("{\"apiVersion\":\"authorization.k8s.io/v1\","
        + "\"kind\":\"SelfSubjectAccessReview\",\"spec\":{}}");
    assertThat(neither.statusCode()).isEqualTo(422);
    assertThat(json(neither.body()).path("message").asString()).contains("SelfSubjectAccessReview.authorization.k8s.io",
        "exactly one of nonResourceAttributes or resourceAttributes must be specified");

    HttpResponse<String> both = post("{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
        + "\"spec\":{\"resourceAttributes\":{\"verb\":\"get\",\"resource\":\"pods\"},"
        + "\"nonResourceAttributes\":{\"verb\":\"get\",\"path\":\"/api\"}}}");
    assertThat(both.statusCode()).isEqualTo(422);
    assertThat(post("not json").statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> post(String body) throws Exception {
    return send(request(PATH, "Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }
}
