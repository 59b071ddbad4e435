package dev.bulwark.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import dev.bulwark.common.testing.SharedFixtures;
import org.junit.jupiter.api.Test;

class ContainerConfigurationTest {

  @Test
  void sampleConfigLoadsWithItsDefaults() throws Exception {
    ObjectMapper mapper = Jackson.newObjectMapper();
    var factory = new YamlConfigurationFactory<>(ContainerConfiguration.class, Validators.newValidator(), mapper, "dw");
    var path = SharedFixtures.repoRoot().resolve("scanner-container/config.yml").toString();
    var config = factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
        new EnvironmentVariableSubstitutor(false)), path);
    assertThat(config.getGrpc().getPort()).isEqualTo(7073);
    assertThat(config.getContentStore()).isEqualTo("localhost:7070");
    assertThat(config.getEngine()).isEqualTo("auto");
    assertThat(config.getTrivy()).isEmpty();
    assertThat(config.getTrivyTimeout().toJavaDuration()).hasMinutes(5);
    assertThat(EngineMode.parse(config.getEngine())).isEqualTo(EngineMode.AUTO);
    assertThat(config.getLayerCacheMaxSize().toBytes())
        .isEqualTo(dev.bulwark.container.image.LayerCache.DEFAULT_MAX_BYTES);
  }
}
