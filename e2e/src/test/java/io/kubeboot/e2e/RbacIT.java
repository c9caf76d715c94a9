package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RBAC with the real kubectl: alice, a second user of the token file with no bindings, is refused
 * with upstream's Forbidden message; the admin grants her a Role in one namespace with
 * {@code kubectl create role/rolebinding}, after which she may read pods there and nowhere else and
 * may not delete them; {@code kubectl auth can-i} answers accordingly; an unknown token stays 401.
 */
class RbacIT {

  static final ControlPlane.User ALICE = ControlPlane.User.named("alice");
  static ControlPlane cluster;
  static Kubectl kubectl;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated(List.of(ALICE));
    kubectl = Kubectl.version("1.33", cluster);
    for (String namespace : List.of("team-a", "team-b")) {
      assertThat(kubectl.run("create", "namespace", namespace).exitCode()).isZero();
    }
  }

  @AfterAll
  static void close() {
    cluster.close();
  }

  @Test
  void aRoleBindingGrantsAliceItsRoleInItsNamespaceOnly() {
    Kubectl.Result refused = asAlice("get", "pods", "-n", "team-a");
    assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
    assertThat(refused.err()).contains("Error from server (Forbidden): pods is forbidden: User \"alice\" cannot list "
        + "resource \"pods\" in API group \"\" in the namespace \"team-a\"");
    assertThat(canI("list", "pods", "-n", "team-a")).isEqualTo("no");

    admin("create", "role", "pod-reader", "--verb=get,list,watch", "--resource=pods", "-n", "team-a");
    admin("create", "rolebinding", "alice-reads-pods", "--role=pod-reader", "--user=alice", "-n", "team-a");
    admin("run", "web", "--image=kubeboot/busybox:latest", "-n", "team-a");

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      Kubectl.Result allowed = asAlice("get", "pods", "-n", "team-a");
      assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
      assertThat(allowed.out()).contains("web");
    });
    assertThat(asAlice("get", "pod", "web", "-n", "team-a", "-o", "name").out().strip()).isEqualTo("pod/web");
    assertThat(canI("list", "pods", "-n", "team-a")).isEqualTo("yes");
    assertThat(canI("watch", "pods", "-n", "team-a")).isEqualTo("yes");

    Kubectl.Result elsewhere = asAlice("get", "pods", "-n", "team-b");
    assertThat(elsewhere.err()).contains("pods is forbidden: User \"alice\" cannot list resource \"pods\" in API "
        + "group \"\" in the namespace \"team-b\"");
    assertThat(canI("list", "pods", "-n", "team-b")).isEqualTo("no");

    Kubectl.Result delete = asAlice("delete", "pod", "web", "-n", "team-a");
    assertThat(delete.exitCode()).isNotZero();
    assertThat(delete.err()).contains("pods \"web\" is forbidden: User \"alice\" cannot delete resource \"pods\" in "
        + "API group \"\" in the namespace \"team-a\"");
    assertThat(canI("delete", "pods", "-n", "team-a")).isEqualTo("no");
    assertThat(admin("get", "pod", "web", "-n", "team-a", "-o", "name").out().strip()).isEqualTo("pod/web");

    admin("delete", "rolebinding", "alice-reads-pods", "-n", "team-a");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(asAlice("get", "pods", "-n", "team-a").err()).contains("pods is forbidden"));
  }

  @Test
  void theAdminMayDoAnythingAndSaysSo() {
    Kubectl.Result answer = kubectl.run("auth", "can-i", "*", "*", "--all-namespaces");
    assertThat(answer.out().strip()).as(answer.toString()).isEqualTo("yes");
  }

  @Test
  void anUnknownTokenIsUnauthorizedNotForbidden() {
    Kubectl.Result unknown = kubectl.run("--token", "not-a-token", "get", "pods");
    assertThat(unknown.exitCode()).isNotZero();
    // kubectl's words for a 401
    assertThat(unknown.err()).contains("You must be logged in to the server").doesNotContain("Forbidden");
  }

  private static Kubectl.Result asAlice(String... args) {
    List<String> command = new ArrayList<>(List.of("--token", ALICE.token()));
    command.addAll(List.of(args));
    return kubectl.run(command.toArray(String[]::new));
  }

  /** {@code kubectl auth can-i} as alice: "yes" (exit 0) or "no" (exit 1). */
  private static String canI(String verb, String resource, String... flags) {
    List<String> command = new ArrayList<>(List.of("auth", "can-i", verb, resource));
    command.addAll(List.of(flags));
    Kubectl.Result answer = asAlice(command.toArray(String[]::new));
    String said = answer.out().strip();
    assertThat(answer.exitCode()).as(answer.toString()).isEqualTo(said.equals("yes") ? 0 : 1);
    return said;
  }

  private static Kubectl.Result admin(String... args) {
    Kubectl.Result result = kubectl.run(args);
    assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result).isZero();
    return result;
  }
}
