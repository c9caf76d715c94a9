package io.kubeboot.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static GatewayProperties properties(Path tokens) {
    return new GatewayProperties(null, new GatewayProperties.Gateway(tokens, DataSize.ofMegabytes(3),
        GatewayProperties.AuthorizationMode.RBAC));
  }
}
