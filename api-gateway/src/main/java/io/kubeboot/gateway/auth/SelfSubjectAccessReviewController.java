package io.kubeboot.gateway.auth;

import io.kubeboot.common.resource.ModelSerialization;
import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.gateway.proxy.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code SelfSubjectAccessReview} (authorization.k8s.io/v1, create only): "may I do this?", answered
 * by the gateway's own {@link Authorizer} for the user who asks; what {@code kubectl auth can-i}
 * sends. Nothing is stored, as upstream.
 */
@RestController
class SelfSubjectAccessReviewController {

  static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
  private static final String KIND = "SelfSubjectAccessReview";
  private static final String GROUP = "authorization.k8s.io";

  private final RequestBodies bodies;
  private final Authorizer authorizer;
  private final KubernetesSerialization serialization = ModelSerialization.get();

  SelfSubjectAccessReviewController(RequestBodies bodies, Authorizer authorizer) {
    this.bodies = bodies;
    this.authorizer = authorizer;
  }

  @PostMapping(path = PATH)
  ResponseEntity<SelfSubjectAccessReview> create(HttpServletRequest request) {
    SelfSubjectAccessReview review = read(bodies.read(request));
    UserInfo user = UserInfo.of(request);
    Authorizer.Decision decision = authorizer.authorize(attributesOf(user == null ? UserInfo.ANONYMOUS : user,
        review));
    review.setStatus(new SubjectAccessReviewStatusBuilder().withAllowed(decision.allowed())
        .withReason(decision.reason().isEmpty() ? null : decision.reason()).build());
    review.setApiVersion(GROUP + "/v1");
    review.setKind(KIND);
    return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(review);
  }

  private SelfSubjectAccessReview read(RequestBodies.Body body) {
    if (body.isEmpty()) {
      throw ApiException.badRequest("the body of the request is empty: a SelfSubjectAccessReview is required");
    }
    try {
      return serialization.unmarshal(new String(body.bytes(), StandardCharsets.UTF_8), SelfSubjectAccessReview.class);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("the body of the request is not a SelfSubjectAccessReview: " + e.getMessage());
    }
  }

  /** Upstream's validation: exactly one of the two kinds of attributes. */
  private static Attributes attributesOf(UserInfo user, SelfSubjectAccessReview review) {
    ResourceAttributes resource = review.getSpec() == null ? null : review.getSpec().getResourceAttributes();
    NonResourceAttributes path = review.getSpec() == null ? null : review.getSpec().getNonResourceAttributes();
    if (resource != null && path != null) {
      throw invalid(FieldError.invalid("spec.nonResourceAttributes", path,
          "cannot be specified in combination with resourceAttributes"));
    }
    if (resource == null && path == null) {
      throw invalid(FieldError.invalid("spec.resourceAttributes", "null",
          "exactly one of nonResourceAttributes or resourceAttributes must be specified"));
    }
    if (path != null) {
      return Attributes.ofPath(user, orEmpty(path.getVerb()), path.getPath());
    }
    return Attributes.ofResource(user, orEmpty(resource.getVerb()), resource.getGroup(), resource.getNamespace(),
        resource.getResource(), resource.getSubresource(), resource.getName());
  }

  private static String orEmpty(String verb) {
    return verb == null ? "" : verb;
  }

  private static ApiException invalid(FieldError error) {
    return ApiException.invalid(KIND, GROUP, "", List.of(error));
  }
}
