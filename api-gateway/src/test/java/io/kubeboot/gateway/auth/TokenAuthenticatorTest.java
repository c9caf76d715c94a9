package io.kubeboot.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.api.RequestInfo;
import io.kubeboot.gateway.GatewayProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class TokenAuthenticatorTest {

  private final TokenAuthenticator authenticator = new TokenAuthenticator(properties(Path.of("src/test/resources/tokens.csv")));

  @Test
  void aBearerTokenNamesItsUserWhoIsAlsoAuthenticated() {
    assertThat(authenticator.authenticate("Bearer admin-token")).hasValueSatisfying(user -> {
      assertThat(user.name()).isEqualTo("admin");
      assertThat(user.uid()).isEqualTo("admin-uid");
      assertThat(user.groups()).containsExactly("system:masters", "system:authenticated");
    });
    assertThat(authenticator.authenticate("bearer   node-token ")).hasValueSatisfying(user ->
        assertThat(user.groups()).containsExactly("system:nodes", "system:authenticated"));
  }

  @Test
  void anythingElseNamesNobody() {
    assertThat(authenticator.authenticate(null)).isEmpty();
    assertThat(authenticator.authenticate("Bearer unknown")).isEmpty();
    assertThat(authenticator.authenticate("Bearer ")).isEmpty();
    assertThat(authenticator.authenticate("Basic YWRtaW46YWRtaW4=")).isEmpty();
    assertThat(authenticator.authenticate("admin-token")).isEmpty();
  }

  @Test
  void withoutATokenFileAuthenticationIsOff() {
    assertThat(new TokenAuthenticator(properties(null)).enabled()).isFalse();
    assertThat(authenticator.enabled()).isTrue();
  }

  @Test
  void aForbiddenRequestIsWordedAsUpstream() {
    UserInfo bob = new UserInfo("bob", "1", java.util.List.of());
    RequestInfo list = RequestInfo.resolve("GET", "/api/v1/namespaces/default/pods", name -> null);
    RequestInfo scale = RequestInfo.resolve("PATCH", "/apis/apps/v1/namespaces/web/deployments/d/scale", name -> null);
    RequestInfo nodes = RequestInfo.resolve("GET", "/api/v1/nodes", name -> null);

    assertThat(AuthenticationFilter.forbidden(bob, list, "").getMessage())
        .isEqualTo("User \"bob\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"");
    assertThat(AuthenticationFilter.forbidden(bob, scale, "no role").getMessage()).isEqualTo(
        "User \"bob\" cannot patch resource \"deployments/scale\" in API group \"apps\" in the namespace \"web\": no role");
    assertThat(AuthenticationFilter.forbidden(bob, nodes, "").getMessage())
        .isEqualTo("User \"bob\" cannot list resource \"nodes\" in API group \"\" at the cluster scope");
  }

  private static GatewayProperties properties(Path tokens) {
    return new GatewayProperties(null, new GatewayProperties.Gateway(tokens, DataSize.ofMegabytes(3)));
  }
}
