package dev.bulwark.container;

import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.container.advisory.OsvImageMatcher;
import dev.bulwark.container.image.ImageLimits;
import io.grpc.BindableService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The container scanner inside the embedded cluster. Option {@code trivy} names a Trivy
 * executable (else the PATH is searched); blobs and scratch space live under
 * {@code <home>/cache/container}. The content store is the task's (the gateway always names it).
 * Image packages are matched against the SCA service's advisory store, {@code <home>/sca}.
 */
public final class ContainerEmbeddedService implements EmbeddedService {
  @Override
  public String name() {
    return "container";
  }

  @Override
  public int startOrder() {
    return 10;
  }

  @Override
  public List<BindableService> create(EmbeddedContext context) throws Exception {
    Path cache = Files.createDirectories(context.home().resolve("cache").resolve("container"));
    var trivy = context.option("trivy").filter(s -> !s.isBlank()).map(Path::of).or(TrivyLocator::onPath);
    var mode = context.option("container.engine").map(EngineMode::parse).orElse(EngineMode.AUTO);
    // the SCA service's store (filled by `bulwark db update` and --advisories), opened at the first image
    var advisories = OsvImageMatcher.overStore(context.home().resolve("sca"));
    var engine = new ContainerEngine(new ContainerEngine.Settings(mode, trivy, Duration.ofMinutes(5),
        Files.createDirectories(cache.resolve("work")), Clock.systemUTC()), advisories, ImageLimits.defaults());
    return List.of(context.scanner(engine, cache.resolve("blobs")));
  }
}
