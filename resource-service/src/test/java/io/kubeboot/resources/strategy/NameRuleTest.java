package io.kubeboot.resources.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameRuleTest {

  @Test
  void subdomainMessageIsUpstreams() {
    assertThat(NameRule.DNS1123_SUBDOMAIN.check("Bad_Name")).containsExactly(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start"
            + " and end with an alphanumeric character (e.g. 'example.com', regex used for validation is"
            + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    assertThat(NameRule.DNS1123_SUBDOMAIN.check("web.example-1")).isEmpty();
  }

  @Test
  void labelMessageKeepsUpstreamsDoubleSpace() {
    assertThat(NameRule.DNS1123_LABEL.check("Kube_System")).containsExactly(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end"
            + " with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is"
            + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  }

  @Test
  void labelWithDotsIsToldSo() {
    assertThat(NameRule.DNS1123_LABEL.check("a.b")).containsExactly("must not contain dots");
  }

  @Test
  void tooLongNamesReportTheLimitFirst() {
    assertThat(NameRule.DNS1123_LABEL.check("a".repeat(64))).containsExactly("must be no more than 63 characters");
    assertThat(NameRule.DNS1123_SUBDOMAIN.check("a".repeat(254))).containsExactly("must be no more than 253 characters");
  }

  @Test
  void serviceNamesMustStartWithALetter() {
    assertThat(NameRule.DNS1035_LABEL.check("1web")).containsExactly(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic"
            + " character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for"
            + " validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    assertThat(NameRule.DNS1035_LABEL.check("web-1")).isEmpty();
  }

  @Test
  void pathSegmentsRejectOnlySlashPercentAndDots() {
    assertThat(NameRule.PATH_SEGMENT.check("system:controller:Weird Name")).isEmpty();
    assertThat(NameRule.PATH_SEGMENT.check("..")).containsExactly("may not be '..'");
    assertThat(NameRule.PATH_SEGMENT.check("a/b%c")).containsExactly("may not contain '/'", "may not contain '%'");
  }

  @Test
  void generateNamePrefixMayEndWithADash() {
    assertThat(NameRule.DNS1123_SUBDOMAIN.checkPrefix("web-")).isEmpty();
    assertThat(NameRule.DNS1123_LABEL.checkPrefix("web-")).isEmpty();
    assertThat(NameRule.DNS1123_SUBDOMAIN.checkPrefix("Web-")).hasSize(1);
  }
}
