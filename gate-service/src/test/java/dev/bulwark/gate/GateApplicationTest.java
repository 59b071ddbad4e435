package dev.bulwark.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.gate.db.TestDatabases;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.gate.testing.Http;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.Verdict;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the stand-alone gate application (Dropwizard, config.yml)")
class GateApplicationTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("starts from the module's config.yml on free ports, migrates H2, answers Evaluate and has a database health check")
  void startsAndServes() throws Exception {
    startEvaluateStop("jdbc:h2:file:" + dir.resolve("gate") + ";DB_CLOSE_ON_EXIT=FALSE", "bulwark", "");
  }

  @Test
  @DisplayName("runs on PostgreSQL when database.url names one (driver picked automatically)")
  void startsOnPostgres() throws Exception {
    try (var pg = TestDatabases.postgres()) {
      startEvaluateStop(pg.url(), pg.user(), pg.password());
      int decisions = pg.jdbi().withHandle(h ->
          h.createQuery("SELECT COUNT(*) FROM decisions").mapTo(Integer.class).one());
      assertThat(decisions).isEqualTo(2);
    }
  }

  private void startEvaluateStop(String url, String user, String password) throws Exception {
    Path config = Path.of(System.getProperty("bulwark.repoRoot"), "gate-service", "config.yml");
    var support = new DropwizardTestSupport<>(GateApplication.class, config.toString(),
        ConfigOverride.config("grpc.host", "127.0.0.1"),
        ConfigOverride.config("grpc.port", "0"),
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("database.url", url),
        ConfigOverride.config("database.user", user),
        ConfigOverride.config("database.password", password),
        ConfigOverride.config("kevFile", resource("/intel/kev.csv")),
        ConfigOverride.config("epssFile", resource("/intel/epss.csv")),
        ConfigOverride.config("auditFile", dir.resolve("audit.jsonl").toString()));
    support.before();
    try {
      GateApplication app = support.getApplication();
      assertThat(support.getEnvironment().healthChecks().getNames()).contains("database");
      assertThat(support.getEnvironment().healthChecks().runHealthCheck("database").isHealthy()).isTrue();
      var channel = Channels.forTarget(app.grpcServer().target());
      try {
        var r = GateGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
            .evaluate(Findings.request("app-1", "p", List.of(Findings.AWS_KEY), ""));
        assertThat(r.getDecision().getVerdict()).isEqualTo(Verdict.FAIL);
        var log4j = GateGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
            .evaluate(Findings.request("app-2", "p", List.of(Findings.LOG4SHELL), ""));
        assertThat(log4j.getFindings(0).getFactorsList()).as("KEV from kevFile (CSV)")
            .anyMatch(f -> f.getName().equals("kev") && f.getEffect() == 1.5);
        // The dashboard on the application connector, over the same database.
        String http = "http://127.0.0.1:" + support.getLocalPort();
        var projects = Http.get(http + "/api/dashboard/projects");
        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(projects.body()).contains("\"project\":\"p\"").contains("\"scanId\":\"app-2\"");
        var page = Http.get(http + "/dashboard/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<table id=\"projects\">");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
            csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(Http.get(http + "/dashboard/vendor/chart.umd.min.js").body()).contains("Chart");
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      support.after();
    }
    assertThat(java.nio.file.Files.readAllLines(dir.resolve("audit.jsonl"))).hasSize(2)
        .allMatch(l -> l.startsWith("{\"scan_id\":\"app-"));
  }

  private static String resource(String name) throws java.net.URISyntaxException {
    return Path.of(GateApplicationTest.class.getResource(name).toURI()).toString();
  }


  @Test
  @DisplayName("config.yml defaults to an H2 file database under $BULWARK_HOME or ~/.bulwark, and gRPC port 7074")
  void defaultConfiguration() throws Exception {
    Path config = Path.of(System.getProperty("bulwark.repoRoot"), "gate-service", "config.yml");
    var factory = new YamlConfigurationFactory<>(GateConfiguration.class,
        Validators.newValidator(), Jackson.newObjectMapper(), "dw");
    var provider = new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
        new EnvironmentVariableSubstitutor(false));
    GateConfiguration c = factory.build(provider, config.toString());
    if (System.getenv("BULWARK_DB_URL") == null) {
      assertThat(c.databaseWithDefaults().getUrl())
          .isEqualTo("jdbc:h2:file:" + GateConfiguration.bulwarkHome().toAbsolutePath().resolve("gate/gate")
              + ";DB_CLOSE_ON_EXIT=FALSE");
      assertThat(c.getDatabase().getDriverClass()).isEqualTo("org.h2.Driver");
    }
    if (System.getenv("BULWARK_GATE_GRPC_PORT") == null) {
      assertThat(c.getGrpc().getPort()).isEqualTo(7074);
    }
  }
}
