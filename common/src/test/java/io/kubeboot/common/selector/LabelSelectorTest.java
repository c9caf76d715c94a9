package io.kubeboot.common.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.selector.Requirement.Operator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {

  private static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend", "replicas", "3");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "app=web              | true",
      "app==web             | true",
      "app=db               | false",
      "app!=db              | true",
      "app!=web             | false",
      "missing!=x           | true",
      "app in (db,web)      | true",
      "app in (db)          | false",
      "missing in (x)       | false",
      "app notin (db)       | true",
      "app notin (web,db)   | false",
      "missing notin (x)    | true",
      "app                  | true",
      "missing              | false",
      "!missing             | true",
      "!app                 | false",
      "replicas>2           | true",
      "replicas<3           | false",
      "app>1                | false",
      "app=web,tier=frontend| true",
      "app=web,tier=backend | false"})
  void eachOperatorMatchesLikeUpstream(String selector, boolean matches) {
    assertThat(LabelSelector.parse(selector).matches(WEB)).isEqualTo(matches);
  }

  @Test
  void toleratesWhitespaceAroundEveryToken() {
    LabelSelector selector = LabelSelector.parse("  app = web ,\tenv  in ( a , b ) ,  ! canary , tier ");

    assertThat(selector.toString()).isEqualTo("app=web,!canary,env in (a,b),tier");
    assertThat(selector.matches(Map.of("app", "web", "env", "b", "tier", ""))).isTrue();
  }

  @Test
  void inAndNotinAreKeywordsOnlyWhereAnOperatorStands() {
    LabelSelector selector = LabelSelector.parse("in in (in,notin),notin=in");

    assertThat(selector.requirements()).containsExactly(
        new Requirement("in", Operator.IN, Set.of("in", "notin")),
        new Requirement("notin", Operator.EQUALS, Set.of("in")));
  }

  @Test
  void missingValuesAreTheEmptyValue() {
    assertThat(LabelSelector.parse("tier=").matches(Map.of("tier", ""))).isTrue();
    assertThat(LabelSelector.parse("tier=").matches(Map.of())).isFalse();
    assertThat(LabelSelector.parse("env in ()").requirements().get(0).values()).containsExactly("");
    assertThat(LabelSelector.parse("env in (,a)").requirements().get(0).values()).containsExactly("", "a");
    assertThat(LabelSelector.parse("env in (a,,b)").requirements().get(0).values()).containsExactly("", "a", "b");
    assertThat(LabelSelector.parse("env in (a,)").requirements().get(0).values()).containsExactly("", "a");
  }

  @Test
  void canonicalStringSortsRequirementsByKeyAndValues() {
    assertThat(LabelSelector.parse("tier!=db,app=web,env notin (c,b,a),!canary,x>1,y<2,k==v"))
        .hasToString("app=web,!canary,env notin (a,b,c),k==v,tier!=db,x>1,y<2");
  }

  @Test
  void requirementsAreExposedSortedForTheStorageLayer() {
    assertThat(LabelSelector.parse("env in (b,a),app=web").requirements()).containsExactly(
        new Requirement("app", Operator.EQUALS, Set.of("web")),
        new Requirement("env", Operator.IN, Set.of("a", "b")));
  }

  @Test
  void nullOrBlankSelectsEverything() {
    for (String everything : new String[] {null, "", "   "}) {
      LabelSelector selector = LabelSelector.parse(everything);
      assertThat(selector.isEmpty()).isTrue();
      assertThat(selector.matchesNothing()).isFalse();
      assertThat(selector.matches(null)).isTrue();
      assertThat(selector).hasToString("").isEqualTo(LabelSelector.everything());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "app=web,      | found '', expected: identifier after ','",
      ",             | found ',', expected: !, identifier, or 'end of string'",
      "=web          | found '=', expected: !, identifier, or 'end of string'",
      "!app=web      | found '=', expected: ',' or 'end of string'",
      "app=web tier  | found 'tier', expected: ',' or 'end of string'",
      "app web       | unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt",
      "env in a      | unable to parse requirement: found 'a' expected: '('",
      "env in (a     | unable to parse requirement: found '', expected: ',' or ')'",
      "env in (a b)  | unable to parse requirement: found 'b', expected: ',' or ')'",
      "env in (=)    | unable to parse requirement: found '=', expected: ',', ')' or identifier",
      "env in (a,=)  | unable to parse requirement: found '=', expected: ',', or identifier",
      "app=(web)     | unable to parse requirement: found '(', expected: identifier",
      "!!app         | unable to parse requirement: found '!', expected: identifier"})
  void syntaxErrorsAreBadRequestsWordedLikeUpstream(String selector, String message) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.reason()).isEqualTo("BadRequest");
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }

  @Test
  void comparisonNeedsAnIntegerBound() {
    assertThatThrownBy(() -> LabelSelector.parse("x>a"))
        .hasMessage("unable to parse requirement: values[0]: Invalid value: \"a\": "
            + "for 'Gt', 'Lt' operators, the value must be an integer");
  }

  @Test
  void invalidKeyIsReportedAtUpstreamsNilPath() {
    assertThatThrownBy(() -> LabelSelector.parse("a$b=c"))
        .isInstanceOf(ApiException.class)
        .hasMessage("unable to parse requirement: <nil>: Invalid value: \"a$b\": name part must consist of "
            + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
            + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    assertThatThrownBy(() -> LabelSelector.parse("Example.com/app=web"))
        .hasMessageStartingWith("unable to parse requirement: <nil>: Invalid value: \"Example.com/app\": "
            + "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters");
    assertThatThrownBy(() -> LabelSelector.parse("a/b/c"))
        .hasMessageContaining("a valid label key must consist of");
    assertThatThrownBy(() -> LabelSelector.parse("x".repeat(64)))
        .hasMessageContaining("name part must be no more than 63 characters");
  }

  @Test
  void invalidValueIsReportedAtItsIndexAndKey() {
    assertThatThrownBy(() -> LabelSelector.parse("env in (ok,b$d)"))
        .hasMessage("unable to parse requirement: values[0][env]: Invalid value: \"b$d\": a valid label must be "
            + "an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end "
            + "with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
            + "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  }

  @Test
  void prefixedKeysAndDottedValuesAreValid() {
    LabelSelector selector = LabelSelector.parse("kubernetes.io/service-name=web.v1_2-3");

    assertThat(selector.matches(Map.of("kubernetes.io/service-name", "web.v1_2-3"))).isTrue();
  }

  @Test
  void objectSelectorConvertsLikeLabelSelectorAsSelector() {
    LabelSelector selector = LabelSelector.of(new LabelSelectorBuilder()
        .addToMatchLabels("app", "web")
        .addNewMatchExpression().withKey("env").withOperator("In").withValues("b", "a").endMatchExpression()
        .addNewMatchExpression().withKey("track").withOperator("NotIn").withValues("canary").endMatchExpression()
        .addNewMatchExpression().withKey("tier").withOperator("Exists").endMatchExpression()
        .addNewMatchExpression().withKey("legacy").withOperator("DoesNotExist").endMatchExpression()
        .build());

    assertThat(selector).hasToString("app=web,env in (a,b),!legacy,tier,track notin (canary)");
    assertThat(selector.matches(Map.of("app", "web", "env", "a", "tier", "fe"))).isTrue();
    assertThat(selector.matches(Map.of("app", "web", "env", "a", "tier", "fe", "legacy", "1"))).isFalse();
    assertThat(selector.matches(Map.of("app", "web", "env", "a"))).isFalse();
  }

  @Test
  void matchLabelsAloneGiveTheScaleStatusSelector() {
    assertThat(LabelSelector.of(new LabelSelectorBuilder().addToMatchLabels("tier", "fe").addToMatchLabels("app", "x")
        .build())).hasToString("app=x,tier=fe");
  }

  @Test
  void nullObjectSelectorMatchesNothingAndEmptyMatchesEverything() {
    LabelSelector nothing = LabelSelector.of(null);
    assertThat(nothing.matches(Map.of("app", "web"))).isFalse();
    assertThat(nothing.matches(Map.of())).isFalse();
    assertThat(nothing.isEmpty()).isFalse();
    assertThat(nothing.matchesNothing()).isTrue();
    assertThat(nothing.requirements()).isEmpty();
    assertThat(nothing).isEqualTo(LabelSelector.nothing()).isNotEqualTo(LabelSelector.everything());

    LabelSelector everything = LabelSelector.of(new LabelSelectorBuilder().build());
    assertThat(everything.isEmpty()).isTrue();
    assertThat(everything.matches(Map.of("app", "web"))).isTrue();
  }

  @Test
  void invalidObjectSelectorsAreBadRequests() {
    assertThatThrownBy(() -> LabelSelector.of(new LabelSelectorBuilder()
        .addNewMatchExpression().withKey("env").withOperator("Gt").withValues("1").endMatchExpression().build()))
        .isInstanceOf(ApiException.class)
        .hasMessage("\"Gt\" is not a valid label selector operator");
    assertThatThrownBy(() -> LabelSelector.of(new LabelSelectorBuilder()
        .addNewMatchExpression().withKey("env").withOperator("In").endMatchExpression().build()))
        .hasMessage("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty");
    assertThatThrownBy(() -> LabelSelector.of(new LabelSelectorBuilder()
        .addNewMatchExpression().withKey("env").withOperator("Exists").withValues("a").endMatchExpression().build()))
        .hasMessage("values: Invalid value: []string{\"a\"}: values set must be empty for exists and does not exist");
    assertThatThrownBy(() -> LabelSelector.of(new LabelSelectorBuilder().addToMatchLabels("bad key", "v$").build()))
        .hasMessageStartingWith("[key: Invalid value: \"bad key\": name part must consist")
        .hasMessageContaining(", values[0][bad key]: Invalid value: \"v$\": a valid label must be");
  }

  @Test
  void setSelectorRequiresEveryLabel() {
    LabelSelector selector = LabelSelector.fromSet(Map.of("app", "web", "tier", "fe"));

    assertThat(selector).hasToString("app=web,tier=fe");
    assertThat(selector.matches(WEB)).isFalse();
    assertThat(selector.matches(Map.of("app", "web", "tier", "fe", "x", "y"))).isTrue();
    assertThat(LabelSelector.fromSet(Map.of()).isEmpty()).isTrue();
  }

  @Test
  void aNullLabelValueReadsAsEmpty() {
    Map<String, String> labels = new java.util.HashMap<>();
    labels.put("tier", null);

    assertThat(LabelSelector.parse("tier=").matches(labels)).isTrue();
    assertThat(LabelSelector.parse("tier in (a)").matches(labels)).isFalse();
  }

  @Test
  void requirementValuesAreSortedAndImmutable() {
    Requirement requirement = new Requirement("env", Operator.IN, Set.of("c", "a", "b"));

    assertThat(List.copyOf(requirement.values())).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> requirement.values().add("d")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(new Requirement("env", Operator.EXISTS, null).values()).isEmpty();
  }

  @Test
  void equalSelectorsParseFromDifferentSpellings() {
    assertThat(LabelSelector.parse("b=2, a in (y,x)")).isEqualTo(LabelSelector.parse("a in (x,y),b=2"))
        .hasSameHashCodeAs(LabelSelector.parse("a in (x,y),b=2"));
  }
}
