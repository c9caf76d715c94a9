package io.kubeboot.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenFileTest {

  @Test
  void readsTheFileTheStartScriptWrites() {
    Map<String, UserInfo> users = TokenFile.parse("""
        t0k3n,admin,admin,"system:masters"
        s3cr3t,system:kube-scheduler,system:kube-scheduler,"system:authenticated"
        """, "tokens.csv");

    assertThat(users).containsOnlyKeys("t0k3n", "s3cr3t");
    assertThat(users.get("t0k3n")).isEqualTo(new UserInfo("admin", "admin", List.of("system:masters")));
  }

  @Test
  void groupsAreOptionalAndCommaSeparatedInsideQuotes() {
    Map<String, UserInfo> users = TokenFile.parse("""
        a,alice,1
        b,bob,2,"dev, ops,,qa"
        c,carol,3,single\r
        """, "tokens.csv");

    assertThat(users.get("a").groups()).isEmpty();
    assertThat(users.get("b").groups()).containsExactly("dev", "ops", "qa");
    assertThat(users.get("c").groups()).containsExactly("single");
  }

  @Test
  void quotedFieldsMayHoldQuotesAndCommas() {
    Map<String, UserInfo> users = TokenFile.parse("\"to,ken\",\"say \"\"hi\"\"\",uid\n", "tokens.csv");

    assertThat(users.get("to,ken").name()).isEqualTo("say \"hi\"");
  }

  @Test
  void blankLinesAndABomAreIgnoredAndBlankTokensSkipped() {
    Map<String, UserInfo> users = TokenFile.parse("\uFEFFa,alice,1\n\n ,nobody,2\n", "tokens.csv");

    assertThat(users).containsOnlyKeys("a");
  }

  @Test
  void aRepeatedTokenBelongsToItsLastRecord() {
    assertThat(TokenFile.parse("a,alice,1\na,bob,2\n", "tokens.csv").get("a").name()).isEqualTo("bob");
  }

  @Test
  void aRecordWithoutUidMakesTheFileInvalid() {
    assertThatThrownBy(() -> TokenFile.parse("a,alice\n", "tokens.csv"))
        .hasMessage("token file 'tokens.csv' must have at least 3 columns (token, user name, user uid), found 2");
  }
}
