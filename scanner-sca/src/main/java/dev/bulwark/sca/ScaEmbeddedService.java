package dev.bulwark.sca;

import dev.bulwark.sca.inventory.GradleBuilds;
import dev.bulwark.sca.inventory.MavenBuilds;
import dev.bulwark.sca.maven.MavenResolver;
import dev.bulwark.sca.maven.MavenSettings;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import io.grpc.BindableService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * scanner-sca inside the embedded cluster: advisories from {@link EmbeddedContext#advisories()},
 * the store under {@code <home>/sca}, blobs cached under {@code <home>/sca/cache}, Maven POMs
 * under {@code <home>/sca/maven} (offline when the option {@code maven.offline} is "true", as
 * {@code bulwark scan --offline} sets it); the content store is the gateway's, named by each task.
 */
public final class ScaEmbeddedService implements EmbeddedService {
  @Override
  public String name() {
    return "sca";
  }

  @Override
  public int startOrder() {
    return 10;
  }

  @Override
  public List<BindableService> create(EmbeddedContext context) throws Exception {
    Path home = Files.createDirectories(context.home().resolve("sca"));
    boolean offline = context.option("maven.offline").map(Boolean::parseBoolean).orElse(false);
    var maven = new MavenResolver(MavenSettings.fromEnvironment(MavenSettings.processEnvironment(), home.resolve("maven"), offline));
    context.closeOnStop(maven);
    ScaEngine engine = ScaEngine.create(context.advisories(), home,
        PackageSource.inventory(List.of(new MavenBuilds(maven), new GradleBuilds(maven))));
    return List.of(context.scanner(engine, home.resolve("cache")));
  }
}
