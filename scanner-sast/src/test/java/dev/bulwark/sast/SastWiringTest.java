package dev.bulwark.sast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.server.scanner.ScannerGrpcService;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module's wiring: the sample config.yml and the embedded-service registration. */
class SastWiringTest {

  @Test
  @DisplayName("config.yml parses and validates with its defaults: gRPC 7071, content store on 7070")
  void sampleConfigurationIsValid() throws Exception {
    var factory = new YamlConfigurationFactory<>(SastConfiguration.class, Validators.newValidator(),
        Jackson.newObjectMapper(), "dw");
    SastConfiguration config = factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
        new EnvironmentVariableSubstitutor(false)), "config.yml");
    assertThat(config.getGrpc().getPort()).isEqualTo(7071);
    assertThat(config.getContentStore()).isEqualTo("localhost:7070");
    assertThat(config.getCacheDir()).isNotBlank();
  }

  @Test
  @DisplayName("the embedded cluster finds the sast service, which caches blobs under home/cache/sast")
  void embeddedServiceIsRegistered(@TempDir Path home) throws Exception {
    EmbeddedService service = ServiceLoader.load(EmbeddedService.class).stream().map(ServiceLoader.Provider::get)
        .filter(s -> s.name().equals("sast")).findFirst().orElseThrow();
    assertThat(service.startOrder()).isEqualTo(10);
    var context = new EmbeddedContext(home, Optional.empty(), Map.of(), Map.of());
    var services = service.create(context);
    assertThat(services).singleElement().isInstanceOf(ScannerGrpcService.class);
    assertThat(Files.isDirectory(home.resolve("cache/sast"))).isTrue();
    assertThat(context.closeables()).hasSize(2); // the scanner service and its reader of the shared store
  }
}
