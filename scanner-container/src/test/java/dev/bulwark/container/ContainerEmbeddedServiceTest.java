package dev.bulwark.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.v1.DescribeRequest;
import dev.bulwark.v1.ScannerGrpc;
import io.grpc.BindableService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerEmbeddedServiceTest {
  @TempDir
  Path home;

  @Test
  void isFoundByServiceLoaderAndServesDescribeWithItsCacheUnderHome() throws Exception {
    var service = ServiceLoader.load(EmbeddedService.class).stream().map(ServiceLoader.Provider::get)
        .filter(s -> s.name().equals("container")).findFirst().orElseThrow();
    assertThat(service.startOrder()).isEqualTo(10);
    var context = new EmbeddedContext(home, Optional.empty(), Map.of(), Map.of("trivy", "/nonexistent/trivy"));
    var services = service.create(context);
    assertThat(home.resolve("cache/container")).isDirectory();
    var server = ManagedGrpcServer.onLoopback("container", 0, services.toArray(BindableService[]::new));
    server.start();
    var channel = Channels.forTarget(server.target());
    try {
      var info = ScannerGrpc.newBlockingStub(channel).describe(DescribeRequest.getDefaultInstance());
      assertThat(info.getName()).isEqualTo("container");
      assertThat(info.getAnalyzersList()).extracting(a -> a.getName())
          .contains("dockerfile", "kubernetes", "terraform", "image", "trivy");
    } finally {
      Channels.close(channel);
      server.stop();
      for (var c : context.closeables()) {
        c.close();
      }
    }
    assertThat(Files.exists(home.resolve("cache/container/blobs"))).isTrue();
  }
}
