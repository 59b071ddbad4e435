package dev.bulwark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayConfigurationTest {

  @Test
  void theSampleConfigParsesWithEnvironmentDefaultsIntoThreeScannerEndpoints() throws Exception {
    var factory = new YamlConfigurationFactory<>(GatewayConfiguration.class, Validators.newValidator(),
        Jackson.newObjectMapper(), "dw");
    var source = new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
        new EnvironmentVariableSubstitutor(false, true));
    var config = factory.build(source, SharedFixtures.repoRoot().resolve("gateway/config.yml").toString());

    assertThat(config.grpc.getPort()).isEqualTo(7070);
    assertThat(config.gate).isEqualTo("localhost:7074");
    assertThat(config.coordinatorSettings().defaultDeadline()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.coordinatorSettings().retention()).isEqualTo(Duration.ofHours(24));
    assertThat(config.coordinatorSettings().lease()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.contentStore.shared()).as("disk unless BULWARK_CAS_TYPE=s3").isEqualTo(
        "s3".equals(System.getenv("BULWARK_CAS_TYPE")));
    assertThat(config.grpc.getMaxConnectionAge()).isNotNull();
    if (System.getenv("BULWARK_GATEWAY_DB_URL") == null) {
      assertThat(config.databaseWithDefaults().getUrl()).startsWith("jdbc:h2:file:").contains("gateway/db");
      assertThat(config.databaseWithDefaults().getDriverClass()).isEqualTo("org.h2.Driver");
    }
    assertThat(config.grpc.getShutdownGracePeriod().toSeconds()).isEqualTo(20);
    String home = System.getenv().getOrDefault("BULWARK_HOME", "/var/lib/bulwark");
    if (System.getenv("BULWARK_GATEWAY_BLOB_DIR") == null) {
      assertThat(config.blobDir).isEqualTo(home + "/gateway/cas"); // nested default
    }
    var endpoints = config.scannerEndpoints();
    assertThat(endpoints).extracting(e -> e.name() + "=" + e.target())
        .containsExactly("sast=localhost:7071", "sca=localhost:7072", "container=localhost:7073");
    assertThat(endpoints.get(2).policy().maxConcurrentScans()).isEqualTo(4);
    assertThat(endpoints.get(2).policy().retryAttempts()).isEqualTo(3);
    assertThat(endpoints.get(0).policy().maxConcurrentScans()).isEqualTo(16);
    assertThat(endpoints.get(0).policy().retryWait()).isEqualTo(Duration.ofMillis(500));
    assertThat(endpoints.get(1).policy().openDuration()).isEqualTo(Duration.ofSeconds(30)); // default
  }
}
