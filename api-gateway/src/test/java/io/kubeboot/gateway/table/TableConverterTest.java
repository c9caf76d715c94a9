package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Printing.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Table;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.kubeboot.gateway.table.TableRequest.IncludeObject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TableConverterTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DEPLOYMENTS = """
      {"kind":"DeploymentList","apiVersion":"apps/v1",
       "metadata":{"resourceVersion":"77","continue":"abc","remainingItemCount":5},
       "items":[{"metadata":{"name":"web","namespace":"prod","labels":{"app":"web"}},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}}},
                 "status":{"readyReplicas":2,"updatedReplicas":2,"availableReplicas":2}}]}""";

  private final TablePrinters printers = new TablePrinters(List.of(new PodPrinter(), new DeploymentPrinter()));
  private final TableConverter converter =
      new TableConverter(printers, Clock.fixed(Printing.NOW, ZoneOffset.UTC));

  @Test
  void aListBecomesRowsWithTheListsMetadata() {
    JsonNode table = json(converter.convert(object(DEPLOYMENTS), request("deployments", IncludeObject.Metadata)));

    assertThat(table.path("kind").asString()).isEqualTo("Table");
    assertThat(table.path("apiVersion").asString()).isEqualTo("meta.k8s.io/v1");
    assertThat(table.path("metadata"))
        .isEqualTo(object("{\"continue\":\"abc\",\"remainingItemCount\":5,\"resourceVersion\":\"77\"}"));
    assertThat(table.path("columnDefinitions").path(0)).isEqualTo(object("""
        {"name":"Name","type":"string","format":"name","priority":0,
         "description":"Name must be unique within a namespace. Is required when creating resources."}"""));
    assertThat(table.path("columnDefinitions").path(5).path("priority").asInt()).isEqualTo(1);
    assertThat(table.path("rows").path(0).path("cells").toString())
        .isEqualTo("[\"web\",\"2/2\",2,2,\"<unknown>\",\"\",\"\",\"app=web\"]");
    assertThat(table.path("rows").path(0).path("object").toString()).isEqualTo("{\"kind\":\"PartialObjectMetadata\","
        + "\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"name\":\"web\",\"namespace\":\"prod\",\"labels\":{\"app\":\"web\"}}}");
  }

  @Test
  void includeObjectChoosesWhatEachRowCarries() {
    JsonNode none = json(converter.convert(object(DEPLOYMENTS), request("deployments", IncludeObject.None)));
    JsonNode whole = json(converter.convert(object(DEPLOYMENTS), request("deployments", IncludeObject.Object)));

    assertThat(none.path("rows").path(0).has("object")).isFalse();
    assertThat(whole.path("rows").path(0).path("object").path("kind").asString()).isEqualTo("Deployment");
    assertThat(whole.path("rows").path(0).path("object").path("apiVersion").asString()).isEqualTo("apps/v1");
    assertThat(whole.path("rows").path(0).path("object").path("spec").path("replicas").asInt()).isEqualTo(2);
  }

  @Test
  void oneObjectIsOneRow() {
    JsonNode table = json(converter.convert(object("""
        {"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","resourceVersion":"9"},"spec":{"containers":[]}}"""),
        new TableRequest("v1beta1", IncludeObject.Metadata, "pods", null)));

    assertThat(table.path("apiVersion").asString()).isEqualTo("meta.k8s.io/v1beta1");
    assertThat(table.path("metadata").path("resourceVersion").asString()).isEqualTo("9");
    assertThat(table.path("rows")).hasSize(1);
    assertThat(table.path("rows").path(0).path("object").path("apiVersion").asString()).isEqualTo("meta.k8s.io/v1beta1");
  }

  @Test
  void anEmptyListIsATableWithNoRows() {
    Table table = converter.convert(object("{\"kind\":\"PodList\",\"metadata\":{},\"items\":[]}"),
        request("pods", IncludeObject.Metadata));

    assertThat(table.getRows()).isEmpty();
    assertThat(json(table).path("rows").isArray()).isTrue();
  }

  @Test
  void resourcesWithoutAPrinterPrintNameAndAge() {
    Table table = converter.convert(object("{\"metadata\":{\"name\":\"x\"}}"), request("widgets", IncludeObject.None));

    assertThat(table.getColumnDefinitions()).extracting("name").containsExactly("Name", "Age");
    assertThat(table.getRows().get(0).getCells()).containsExactly("x", "<unknown>");
  }

  @Test
  void aStatusSubresourcePrintsLikeItsResourceAndOthersByDefault() {
    String pod = "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[]}}";
    assertThat(converter.convert(object(pod), new TableRequest("v1", IncludeObject.None, "pods", "status"))
        .getColumnDefinitions()).hasSize(9);
    assertThat(converter.convert(object(pod), new TableRequest("v1", IncludeObject.None, "deployments", "scale"))
        .getColumnDefinitions()).hasSize(2);
  }

  @Test
  void watchEventsCarryOneRowTablesExceptErrorsAndBookmarks() {
    TableRequest request = request("pods", IncludeObject.Metadata);
    WatchEvent added = converter.convertEvent(object("""
        {"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"p","resourceVersion":"5"},"spec":{}}}"""), request);
    WatchEvent error = converter.convertEvent(object("""
        {"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired"}}"""), request);
    WatchEvent bookmark = converter.convertEvent(object("""
        {"type":"BOOKMARK","object":{"kind":"Pod","metadata":{"resourceVersion":"12"}}}"""), request);

    assertThat(json(added).path("type").asString()).isEqualTo("ADDED");
    assertThat(json(added).path("object").path("rows")).hasSize(1);
    assertThat(json(added).path("object").path("metadata").path("resourceVersion").asString()).isEqualTo("5");
    assertThat(json(error).path("object").path("kind").asString()).isEqualTo("Status");
    assertThat(json(bookmark).path("object").path("kind").asString()).isEqualTo("Pod");
  }

  @Test
  void everyPrinterFillsEveryColumnEvenForAnEmptyObject() {
    List<ResourcePrinter> all = List.of(new PodPrinter(), new DeploymentPrinter(), new ReplicaSetPrinter(),
        new DaemonSetPrinter(), new StatefulSetPrinter(), new JobPrinter(), new CronJobPrinter(),
        new ServicePrinter(), new NodePrinter(), new NamespacePrinter(), new EventPrinter(), new ConfigMapPrinter(),
        new SecretPrinter(), new ServiceAccountPrinter(), new EndpointsPrinter(), new EndpointSlicePrinter(),
        new LeasePrinter(), new RolePrinter(), new RoleBindingPrinter(), new DefaultPrinter());
    for (ResourcePrinter printer : all) {
      assertThat(printer.cells(object("{}"), Printing.NOW)).as(printer.getClass().getSimpleName())
          .hasSameSizeAs(printer.columns()).doesNotContainNull();
    }
    new TablePrinters(all); // and no resource has two printers
  }

  private static TableRequest request(String resource, IncludeObject include) {
    return new TableRequest("v1", include, resource, null);
  }

  private static JsonNode json(Object value) {
    return JSON.readTree(JSON.writeValueAsString(value));
  }
}
