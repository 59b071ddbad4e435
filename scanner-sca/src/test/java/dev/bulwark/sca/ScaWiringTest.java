package dev.bulwark.sca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.v1.DescribeRequest;
import dev.bulwark.v1.ScannerGrpc;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.grpc.BindableService;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaWiringTest {

  @Test
  @DisplayName("config.yml parses with its defaults: gRPC 7072, content store localhost:7070")
  void sampleConfigParses() throws Exception {
    ObjectMapper mapper = Jackson.newObjectMapper();
    var factory = new YamlConfigurationFactory<>(ScaConfiguration.class, Validators.newValidator(), mapper, "dw");
    Path yml = SharedFixtures.repoRoot().resolve("scanner-sca/config.yml");
    ScaConfiguration config = factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
        new EnvironmentVariableSubstitutor(false)), yml.toString());
    assertThat(config.getGrpc().getPort()).isEqualTo(7072);
    assertThat(config.getContentStore()).isEqualTo("localhost:7070");
    assertThat(config.getAdvisories()).isEmpty();
    assertThat(config.getDataDir()).isNotBlank();
    assertThat(config.isResultsCache()).isTrue();
    assertThat(config.getResultsCacheMaxSize().toMebibytes()).isEqualTo(256);
    assertThat(config.getSharedStore().resultsPrefix).isEqualTo("results/");
    assertThat(config.getSharedStore().resultsRetention.toDays()).isEqualTo(7);
  }

  @Test
  @DisplayName("the embedded service is found by ServiceLoader and describes its OSV databases over gRPC")
  void embeddedServiceServes(@TempDir Path home) throws Exception {
    EmbeddedService sca = ServiceLoader.load(EmbeddedService.class).stream().map(ServiceLoader.Provider::get)
        .filter(s -> s.name().equals("sca")).findFirst().orElseThrow();
    assertThat(sca.startOrder()).isEqualTo(10);
    var context = new EmbeddedContext(home, Optional.of(SharedFixtures.osv().resolve("NuGet.zip")), Map.of(), Map.of());
    var services = sca.create(context);
    var server = ManagedGrpcServer.onLoopback("sca-test", 0, services.toArray(BindableService[]::new));
    server.start();
    var channel = Channels.forTarget(server.target());
    try {
      var info = ScannerGrpc.newBlockingStub(channel).describe(DescribeRequest.getDefaultInstance());
      assertThat(info.getName()).isEqualTo("sca");
      // a record in NuGet.zip may also affect other ecosystems; each gets its own database entry
      assertThat(info.getDatabasesList()).filteredOn(d -> d.getName().equals("osv:NuGet")).singleElement()
          .satisfies(d -> assertThat(d.getRecords()).isEqualTo(13));
      assertThat(home.resolve("sca/osv/catalog.json")).exists();
    } finally {
      Channels.close(channel);
      server.stop();
      for (AutoCloseable c : context.closeables()) {
        c.close();
      }
    }
  }
}
