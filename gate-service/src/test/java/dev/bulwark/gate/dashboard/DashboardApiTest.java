package dev.bulwark.gate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.gate.testing.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's JSON API over HTTP, against a gate with real decisions ({@link RecordedGate}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the dashboard's JSON API")
class DashboardApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PER_PROJECT = List.of("decision", "trend", "findings", "suppressions",
      "overrides", "policy");
  RecordedGate gate;
  String api;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    gate = new RecordedGate(dir, DashboardBrowserTest.VIEWERS);
    api = gate.pages().resolve("../api/dashboard/").toString();
  }

  @AfterAll
  void stop() throws Exception {
    gate.close();
  }

  private String url(String path, String project, String more) {
    return api + path + "?project=" + URLEncoder.encode(project, StandardCharsets.UTF_8) + more;
  }

  private static JsonNode json(String body) throws Exception {
    return JSON.readTree(body);
  }

  @Test
  @DisplayName("a viewer of acme/shop gets 404 for every read of acme/billing, word for word what an unknown project gets")
  void noLeakAcrossProjects() throws Exception {
    var projects = json(Http.get(api + "projects", "alice").body());
    assertThat(projects.findValuesAsText("project")).containsExactly(RecordedGate.SHOP);
    for (String path : PER_PROJECT) {
      var billing = Http.get(url(path, RecordedGate.BILLING, ""), "alice");
      var unknown = Http.get(url(path, "acme/billing-unknown", ""), "alice");
      assertThat(billing.statusCode()).as(path).isEqualTo(404);
      assertThat(unknown.statusCode()).as(path).isEqualTo(404);
      assertThat(billing.body().replace(RecordedGate.BILLING, "X"))
          .isEqualTo(unknown.body().replace("acme/billing-unknown", "X"));
      assertThat(Http.get(url(path, RecordedGate.SHOP, ""), "alice").statusCode()).as(path).isEqualTo(200);
      assertThat(Http.get(url(path, RecordedGate.BILLING, ""), null).statusCode()).as(path + " for everyone")
          .isEqualTo(200);
    }
    // A filter that is not one of its values is refused before anything is read, and says so.
    var bad = Http.get(url("findings", RecordedGate.BILLING, "&severity=SEVERE"), "alice");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad.body()).get("error").asText()).startsWith("severity must be one of");
  }

  @Test
  @DisplayName("a request no viewer is resolved for reads nothing: 401 on every endpoint")
  void unauthenticated() throws Exception {
    var paths = new ArrayList<>(List.of(api + "projects", api + "me"));
    PER_PROJECT.forEach(p -> paths.add(url(p, RecordedGate.SHOP, "")));
    for (String u : paths) {
      var r = Http.get(u, "mallory");
      assertThat(r.statusCode()).as(u).isEqualTo(401);
      assertThat(r.body()).doesNotContain(RecordedGate.SHOP);
    }
  }

  @Test
  @DisplayName("findings filter on the server: status, severity, scanner and path combine")
  void findingFilters() throws Exception {
    var all = json(Http.get(url("findings", RecordedGate.SHOP, ""), null).body());
    assertThat(all).hasSize(5);
    var suppressed = json(Http.get(url("findings", RecordedGate.SHOP, "&status=suppressed"), null).body());
    assertThat(suppressed.findValuesAsText("status")).hasSize(3).containsOnly("SUPPRESSED");
    var sastHigh = json(Http.get(url("findings", RecordedGate.SHOP, "&scanner=sast&severity=HIGH"), null).body());
    assertThat(sastHigh.findValuesAsText("ruleId")).containsExactly("java.sqli.tainted-query");
    var pom = json(Http.get(url("findings", RecordedGate.SHOP, "&path=POM.XML"), null).body());
    assertThat(pom.findValuesAsText("path")).containsOnly("pom.xml").hasSize(2);
  }

  @Test
  @DisplayName("suppressions carry their days left; those ending within 14 days are flagged, expired ones listed")
  void suppressions() throws Exception {
    var list = json(Http.get(url("suppressions", RecordedGate.SHOP, ""), null).body());
    var byReason = new java.util.LinkedHashMap<String, JsonNode>();
    list.forEach(s -> byReason.put(s.get("reason").asText(), s));
    assertThat(byReason.get("junit only runs in CI").get("daysLeft").asLong()).isEqualTo(5);
    assertThat(byReason.get("junit only runs in CI").get("expiringSoon").asBoolean()).isTrue();
    assertThat(byReason.get("junit only runs in CI").get("matched").asInt()).isEqualTo(1);
    assertThat(byReason.get("style only, tracked in JIRA-12").get("origin").asText()).isEqualTo("repository");
    assertThat(byReason.get("style only, tracked in JIRA-12").get("expiringSoon").asBoolean()).isTrue();
    assertThat(byReason.get("ids, not secrets").get("expiringSoon").asBoolean()).isFalse();
    assertThat(byReason.get("ids, not secrets").get("daysLeft").asLong()).isEqualTo(200);
  }

  @Test
  @DisplayName("the trend counts open findings by severity per scan, oldest first, and every decision")
  void trend() throws Exception {
    var trend = json(Http.get(url("trend", RecordedGate.SHOP, ""), null).body());
    assertThat(trend.get("findings").findValuesAsText("scanId")).containsExactly("shop-1", "shop-2", "shop-3", "shop-4");
    assertThat(trend.get("findings").get(0).get("bySeverity").get("CRITICAL").asInt()).isEqualTo(2);
    assertThat(trend.get("decisions").findValuesAsText("verdict")).containsExactly("FAIL", "FAIL", "FAIL", "FAIL",
        "PASS");
    assertThat(trend.get("decisions").get(4).get("overridden").asBoolean()).isTrue();
  }
}
