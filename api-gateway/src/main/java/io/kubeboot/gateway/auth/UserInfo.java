package io.kubeboot.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Who made a request, as upstream's {@code user.Info}: a name, a uid and groups. The gateway passes
 * it on to resource-service in {@code X-Remote-User} / {@code X-Remote-Group} headers.
 */
public record UserInfo(String name, String uid, List<String> groups) {

  /** Upstream's group of every authenticated user. */
  static final String AUTHENTICATED = "system:authenticated";

  /** Who a request is when authentication is off. */
  static final UserInfo ANONYMOUS = new UserInfo("system:anonymous", "", List.of("system:unauthenticated"));

  private static final String ATTRIBUTE = UserInfo.class.getName();

  public UserInfo {
    groups = List.copyOf(groups);
  }

  /** The user the authentication filter admitted, or null on paths that need none. */
  public static UserInfo of(HttpServletRequest request) {
    return (UserInfo) request.getAttribute(ATTRIBUTE);
  }

  void attachTo(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }
}
