package io.kubeboot.gateway.auth;

/** Decides whether a user may make a request, as upstream's {@code authorizer.Authorizer}. */
public interface Authorizer {

  /** Upstream's {@code --authorization-mode=AlwaysAllow}. */
  Authorizer ALWAYS_ALLOW = attributes -> Decision.allow("");

  Decision authorize(Attributes attributes);

  /**
   * @param reason why, for a SelfSubjectAccessReview's status (and, when refused, appended to
   *     upstream's "User ... cannot ..." message); may be empty
   */
  record Decision(boolean allowed, String reason) {

    public static Decision allow(String reason) {
      return new Decision(true, reason);
    }

    public static Decision deny(String reason) {
      return new Decision(false, reason);
    }
  }
}
