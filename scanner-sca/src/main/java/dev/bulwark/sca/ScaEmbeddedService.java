package dev.bulwark.sca;

import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import io.grpc.BindableService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * scanner-sca inside the embedded cluster: advisories from {@link EmbeddedContext#advisories()},
 * the store under {@code <home>/sca}, blobs cached under {@code <home>/sca/cache}; the content
 * store is the gateway's, named by each task.
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
    ScaEngine engine = ScaEngine.create(context.advisories(), home);
    return List.of(context.scanner(engine, home.resolve("cache")));
  }
}
