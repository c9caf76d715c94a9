package io.kubeboot.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A kubeboot control plane for end-to-end tests: the packaged service jars started as child
 * processes on free ports, against the real PostgreSQL (a database of its own, recreated) and
 * Kafka that {@code ./kubeboot test} provides. Started once per test JVM, stopped at exit.
 */
public final class ControlPlane implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
  /** The broker that {@code ./kubeboot test} starts, as the services find it. */
  static final String KAFKA_BOOTSTRAP = System.getenv().getOrDefault("KUBEBOOT_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
  private static ControlPlane instance;

  private final Path root = Path.of(System.getProperty("kubeboot.root", "..")).toAbsolutePath().normalize();

  private final String version = System.getProperty("kubeboot.version", "0.1.0-SNAPSHOT");
  private final List<Process> processes = new ArrayList<>();
  /** The components started by {@link #startComponent}, by port, so a test can stop one. */
  private final Map<Integer, Process> components = new java.util.HashMap<>();
  private final String adminToken = newToken();
  /** Users of the token file besides admin, for tests of authorization and of components' own identities. */
  private final List<User> users;
  /** Each cluster gets its own database and Kafka topics, so suites may run side by side. */
  private final String clusterId = "e2e" + UUID.randomUUID().toString().substring(0, 8);
  /** Logs, certificate and kubeconfig of this cluster; one folder per cluster, so runs never share. */
  private final Path work = root.resolve("e2e/target/control-plane").resolve(clusterId);
  private String databaseUrl;
  private int gatewayPort;
  private int resourceServicePort;

  private ControlPlane(List<User> users) {
    this.users = List.copyOf(users);
  }

  /** A user in this cluster's token file: a name, its groups and a bearer token of its own. */
  public record User(String name, List<String> groups, String token) {

    public static User named(String name, String... groups) {
      return new User(name, List.of(groups), newToken());
    }

    /** The record of kube-apiserver's {@code --token-auth-file}: {@code token,user,uid,"group1,group2"}. */
    String tokenFileRecord() {
      return token + "," + name + "," + name + ",\"" + String.join(",", groups) + "\"\n";
    }
  }

  /**
   * A cluster of its own, for tests that start controllers, the scheduler or node agents: their
   * writes would otherwise show up in other tests' assertions. Close it when the test class ends.
   */
  public static ControlPlane dedicated() {
    return dedicated(List.of());
  }

  /** A cluster of its own whose token file also names {@code users}. */
  public static ControlPlane dedicated(List<User> users) {
    ControlPlane cluster = new ControlPlane(users);
    cluster.start();
    return cluster;
  }

  @Override
  public void close() {
    stop();
  }

  /** A fabric8 client for this cluster as admin; the caller closes it. */
  public io.fabric8.kubernetes.client.KubernetesClient newClient() {
    return new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
        new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl(apiUrl()).withOauthToken(adminToken())
            .withTrustCerts(true).build()).build();
  }

  /** The cluster shared by tests that only use the API. */
  public static synchronized ControlPlane get() {
    if (instance == null) {
      instance = new ControlPlane(List.of());
      instance.start();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
    }
    return instance;
  }

  public String apiUrl() {
    return "https://127.0.0.1:" + gatewayPort;
  }

  String resourceServiceUrl() {
    return "http://127.0.0.1:" + resourceServicePort;
  }

  /** The prefix of this cluster's Kafka topics, e.g. {@code <prefix>pods}. */
  String topicPrefix() {
    return clusterId + ".events.";
  }

  public String adminToken() {
    return adminToken;
  }

  Path kubeconfig() {
    return work.resolve("kubeconfig");
  }

  Path work() {
    return work;
  }

  private void start() {
    try {
      Files.createDirectories(work);
      databaseUrl = freshDatabase();
      Path tokens = work.resolve("tokens.csv");
      StringBuilder records = new StringBuilder(new User("admin", List.of("system:masters"), adminToken).tokenFileRecord());
      users.forEach(user -> records.append(user.tokenFileRecord()));
      Files.writeString(tokens, records.toString());
      resourceServicePort = freePort();
      gatewayPort = freePort();
      launch("resource-service", resourceServicePort, Map.of("KUBEBOOT_DB_URL", databaseUrl));
      Path keyStore = selfSignedKeyStore();
      launch("api-gateway", gatewayPort, Map.of(
          "KUBEBOOT_RESOURCE_SERVICE_URL", resourceServiceUrl(),
          "KUBEBOOT_TOKENS_FILE", tokens.toString(),
          "SERVER_SSL_KEY_STORE", keyStore.toString(),
          "SERVER_SSL_KEY_STORE_PASSWORD", "kubeboot",
          "SERVER_SSL_KEY_STORE_TYPE", "PKCS12"));
      awaitHealthy(resourceServicePort, "resource-service");
      awaitHealthy(gatewayPort, "api-gateway");
      String ca = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(work.resolve("gateway.crt")));
      Files.writeString(kubeconfig(), """
          apiVersion: v1
          kind: Config
          clusters:
          - name: e2e
            cluster:
              server: %s
              certificate-authority-data: %s
          users:
          - name: admin
            user:
              token: %s
          contexts:
          - name: e2e
            context:
              cluster: e2e
              user: admin
              namespace: default
          current-context: e2e
          """.formatted(apiUrl(), ca, adminToken));
    } catch (Exception e) {
      stop();
      throw new IllegalStateException("control plane did not start (logs in " + work + ")", e);
    }
  }

  /**
   * Starts one more component (scheduler-service, reconciler-service, node-agent, ...) against
   * this cluster's API, with the admin token, and waits until it is healthy. Returns its port.
   */
  /**
   * CPU time the control plane's own processes have used so far (Postgres and Kafka not included):
   * benchmarks divide its growth by their requests, a figure other load on the machine hardly moves.
   */
  public synchronized Duration cpuTime() {
    return cpuTimes().values().stream().reduce(Duration.ZERO, Duration::plus);
  }

  /** The process ids of the control plane's processes. */
  public synchronized List<Long> pids() {
    return processes.stream().map(Process::pid).toList();
  }

  /** {@link #cpuTime()} per process, by its jar's name. */
  public synchronized Map<String, Duration> cpuTimes() {
    Map<String, Duration> times = new java.util.TreeMap<>();
    for (Process process : processes) {
      String[] arguments = process.info().arguments().orElse(new String[] {"?"});
      String jar = Path.of(arguments[arguments.length - 1]).getFileName().toString().replaceFirst("-\\d.*", "");
      times.merge(jar, process.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
    }
    return times;
  }

  public synchronized int startComponent(String service, Map<String, String> environment) {
    try {
      int port = freePort();
      Map<String, String> env = new java.util.HashMap<>(environment);
      env.putIfAbsent("KUBEBOOT_API_URL", apiUrl());
      env.putIfAbsent("KUBEBOOT_API_TOKEN", adminToken);
      components.put(port, launch(service, port, env));
      awaitHealthy(port, service);
      return port;
    } catch (Exception e) {
      throw new IllegalStateException(service + " did not start (log in " + work + ")", e);
    }
  }

  /**
   * Stops the component started on {@code port} as an operator would (SIGTERM, so it shuts down
   * cleanly; killed after 20 s), leaving the rest of the cluster running.
   */
  /** The operating-system process id of the component started on {@code port}. */
  public synchronized long pid(int port) {
    Process process = components.get(port);
    if (process == null) {
      throw new IllegalArgumentException("no component was started on port " + port);
    }
    return process.pid();
  }

  public synchronized void stopComponent(int port) {
    Process process = components.remove(port);
    if (process == null) {
      throw new IllegalArgumentException("no component was started on port " + port);
    }
    processes.remove(process);
    terminate(process);
  }

  private Process launch(String service, int port, Map<String, String> environment) throws IOException {
    Path jar = root.resolve(service).resolve("target").resolve(service + "-" + version + ".jar");
    List<String> command = new ArrayList<>(List.of("java", "-Xmx384m", "-XX:+UseParallelGC"));
    // options the e2e pom gives the integration tests (C1 only), none for the benchmarks
    String extra = System.getProperty("kubeboot.service.jvm-options", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(service + ".log").toFile()));
    builder.environment().put("KUBEBOOT_PORT", Integer.toString(port));
    builder.environment().put("KUBEBOOT_TOPIC_PREFIX", topicPrefix());
    builder.environment().putAll(environment);
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** kubectl sends its token only over TLS: the gateway gets a certificate for 127.0.0.1, as in ./kubeboot up. */
  private Path selfSignedKeyStore() throws Exception {
    Path keyStore = work.resolve("gateway.p12");
    Files.deleteIfExists(keyStore);
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
        "-dname", "CN=kubeboot-e2e", "-ext", "san=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(),
        "-storetype", "PKCS12", "-storepass", "kubeboot", "-keypass", "kubeboot");
    run(keytool, "-exportcert", "-rfc", "-alias", "gateway", "-keystore", keyStore.toString(), "-storepass",
        "kubeboot", "-file", work.resolve("gateway.crt").toString());
    return keyStore;
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  /** A database of the cluster's own, so every run starts from an empty cluster; dropped at the end. */
  private String freshDatabase() throws Exception {
    String testUrl = System.getenv().getOrDefault("KUBEBOOT_DB_URL", "jdbc:postgresql://127.0.0.1:15432/kubeboot_test");
    String user = System.getenv().getOrDefault("KUBEBOOT_DB_USER", "kubeboot");
    String password = System.getenv().getOrDefault("KUBEBOOT_DB_PASSWORD", "kubeboot");
    try (Connection connection = DriverManager.getConnection(testUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + clusterId);
    }
    return testUrl.substring(0, testUrl.lastIndexOf('/')) + "/" + clusterId;
  }

  private void awaitHealthy(int port, String service) throws Exception {
    HttpClient http = Tls.trustingClient();
    String scheme = "api-gateway".equals(service) ? "https" : "http";
    // generous: on a busy 2-core machine shared by several suites a service was seen to need over 120 s
    long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT.toMillis();
    while (System.currentTimeMillis() < deadline) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException(service + " exited; see " + work.resolve(service + ".log"));
        }
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
            URI.create(scheme + "://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(service + " not healthy after " + STARTUP_TIMEOUT.toSeconds() + " s; see "
        + work.resolve(service + ".log"));
  }

  private void stop() {
    processes.forEach(Process::destroy);
    processes.forEach(ControlPlane::terminate);
    processes.clear();
    components.clear();
    dropDatabase();
    deleteTopics();
  }

  private static void terminate(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void dropDatabase() {
    if (databaseUrl == null) {
      return;
    }
    String testUrl = System.getenv().getOrDefault("KUBEBOOT_DB_URL", "jdbc:postgresql://127.0.0.1:15432/kubeboot_test");
    try (Connection connection = DriverManager.getConnection(testUrl,
        System.getenv().getOrDefault("KUBEBOOT_DB_USER", "kubeboot"),
        System.getenv().getOrDefault("KUBEBOOT_DB_PASSWORD", "kubeboot"));
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + clusterId + " with (force)");
    } catch (Exception e) {
      // best effort: a leftover test database does no harm
    }
  }

  /** Kafka keeps a dropped cluster's topics, and every partition costs the broker files and work. */
  private void deleteTopics() {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA_BOOTSTRAP,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
      List<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
          .filter(topic -> topic.startsWith(topicPrefix())).toList();
      admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // best effort, as for the database
    }
  }

  private static String newToken() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
