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
import dev.bulwark.advisories.advisory.AdvisoryStore;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertThat(config.getAdvisories()).isEmpty();
    assertThat(config.isResultsCache()).isTrue();
    assertThat(config.getSharedStore().resultsPrefix).isEqualTo("results/");
    assertThat(config.getLayerCacheMaxSize().toBytes())
        .isEqualTo(dev.bulwark.container.image.LayerCache.DEFAULT_MAX_BYTES);
  }

  @Test
  @DisplayName("with `advisories` set, the scanner imports them into its own store at start; a missing source only logs")
  void importsAdvisoriesIntoItsOwnStore(@TempDir Path tmp) throws Exception {
    Path store = tmp.resolve("store");
    ContainerApplication.importAdvisories(SharedFixtures.osv(), store);
    assertThat(AdvisoryStore.open(store).ecosystems()).extracting(e -> e.name()).contains("Maven", "npm", "Go");
    ContainerApplication.importAdvisories(tmp.resolve("no-such-folder"), tmp.resolve("other"));
    assertThat(tmp.resolve("other")).doesNotExist();
  }
}
