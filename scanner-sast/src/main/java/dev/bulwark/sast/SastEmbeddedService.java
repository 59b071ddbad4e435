package dev.bulwark.sast;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.embedded.EmbeddedContext;
import dev.bulwark.common.embedded.EmbeddedService;
import dev.bulwark.common.scanner.ScannerGrpcService;
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
    var cache = new DiskBlobStore(context.home().resolve("cache").resolve("sast"));
    String store = context.targets().getOrDefault("gateway", "");
    var service = new ScannerGrpcService(new SastEngine(), cache, store);
    context.closeOnStop(service);
    return List.of(service);
  }
}
