package dev.bulwark.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.auth.LocalAdminToken;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.TlsFiles;
import dev.bulwark.common.grpc.TlsMaterial;
import dev.bulwark.common.testing.TestCertificates;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
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
    var ca = TestCertificates.authority("test-ca");
    Path tls = ca.issue("gate").writeTo(dir.resolve("tls-gate"));
    Path gateway = ca.issue("gateway").writeTo(dir.resolve("tls-gateway"));
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
        ConfigOverride.config("auditFile", dir.resolve("audit.jsonl").toString()),
        ConfigOverride.config("adminTokenDir", dir.resolve("admin").toString()),
        ConfigOverride.config("grpc.tls.cert", tls.resolve("tls.crt").toString()),
        ConfigOverride.config("grpc.tls.key", tls.resolve("tls.key").toString()),
        ConfigOverride.config("grpc.tls.ca", tls.resolve("ca.crt").toString()));
    support.before();
    try {
      GateApplication app = support.getApplication();
      assertThat(support.getEnvironment().healthChecks().getNames()).contains("database");
      assertThat(support.getEnvironment().healthChecks().runHealthCheck("database").isHealthy()).isTrue();
      // Only the gateway's certificate may ask for decisions; people come with tokens.
      var anonymous = Channels.forTarget("localhost:" + app.grpcServer().port(),
          ClientSecurity.tls(TlsMaterial.load(TlsFiles.trusting(Optional.of(tls.resolve("ca.crt"))))));
      assertThatThrownBy(() -> GateGrpc.newBlockingStub(anonymous).withDeadlineAfter(30, TimeUnit.SECONDS)
          .evaluate(Findings.request("app-0", "p", List.of(Findings.AWS_KEY), "")))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
      anonymous.shutdownNow();
      var channel = Channels.forTarget("localhost:" + app.grpcServer().port(), ClientSecurity.tls(TlsMaterial.load(
          TlsFiles.mutual(gateway.resolve("tls.crt"), gateway.resolve("tls.key"), gateway.resolve("ca.crt"),
              java.time.Duration.ofMinutes(1)))));
      String admin = LocalAdminToken.read(dir.resolve("admin")).orElseThrow();
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
        assertThat(Http.get(http + "/api/dashboard/projects").statusCode()).as("no credential").isEqualTo(401);
        var projects = Http.get(http + "/api/dashboard/projects", "Authorization", "Bearer " + admin);
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
    // One feed: the refused Evaluate (an authentication failure, with the caller's address), then the two decisions.
    var audit = java.nio.file.Files.readAllLines(dir.resolve("audit.jsonl"));
    assertThat(audit).hasSize(3);
    assertThat(audit.get(0)).startsWith("{\"event\":\"auth.failed\"").contains("\"method\":\"bulwark.v1.Gate/Evaluate\"")
        .contains("\"peer\":\"127.0.0.1:");
    assertThat(audit.subList(1, 3)).allMatch(l -> l.startsWith("{\"scan_id\":\"app-"));
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
