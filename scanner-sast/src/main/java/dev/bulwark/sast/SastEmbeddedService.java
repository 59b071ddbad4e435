package dev.bulwark.sast;

import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import io.grpc.BindableService;
import java.util.List;

/** scanner-sast inside the embedded cluster: the engine on the wire, blobs cached under home. */
public final class SastEmbeddedService implements EmbeddedService {

  @Override
  public String name() {
    return "sast";
  }

  @Override
  public int startOrder() {
    return 10;
  }

  @Override
  public List<BindableService> create(EmbeddedContext context) {
    return List.of(context.scanner(new SastEngine(), context.home().resolve("cache").resolve("sast")));
  }
}
