package io.kubeboot.gateway.auth;

import io.kubeboot.gateway.GatewayProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bearer-token authentication against the token file, read once at start-up as kube-apiserver
 * does. Without a configured file every request is anonymous, which is for tests only.
 */
@Component
class TokenAuthenticator {

  private static final Logger log = LoggerFactory.getLogger(TokenAuthenticator.class);

  private final Map<String, UserInfo> users;

  TokenAuthenticator(GatewayProperties properties) {
    var tokensFile = properties.gateway().tokensFile();
    if (!properties.gateway().authenticates()) {
      log.warn("kubeboot.gateway.tokens-file is not set: authentication is OFF and every request is anonymous");
      users = null;
    } else {
      users = TokenFile.read(tokensFile);
      log.info("loaded {} bearer tokens from {}", users.size(), tokensFile);
    }
  }

  boolean enabled() {
    return users != null;
  }

  /** The user of an {@code Authorization: Bearer <token>} header, or empty if it names nobody. */
  Optional<UserInfo> authenticate(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String[] parts = authorization.strip().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer") || parts[1].isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(users.get(parts[1].strip())).map(TokenAuthenticator::withAuthenticatedGroup);
  }

  /** Upstream adds system:authenticated to every user a token names. */
  private static UserInfo withAuthenticatedGroup(UserInfo user) {
    if (user.groups().contains(UserInfo.AUTHENTICATED)) {
      return user;
    }
    List<String> groups = new ArrayList<>(user.groups());
    groups.add(UserInfo.AUTHENTICATED);
    return new UserInfo(user.name(), user.uid(), groups);
  }
}
