package dev.bulwark.server.embedded;

import io.grpc.BindableService;
import java.util.List;

/**
 * A Bulwark service that can run inside the embedded cluster: all five services in one
 * process, each on its own loopback port, talking real gRPC. Each service module provides one
 * implementation, listed in {@code META-INF/services/dev.bulwark.server.embedded.EmbeddedService};
 * the cluster starts them in {@link #startOrder()} order (scanners and gate before the gateway,
 * which needs their addresses).
 */
public interface EmbeddedService {
  /** "sast", "sca", "container", "gate" or "gateway". */
  String name();

  /** Lower starts first. Scanners: 10, gate: 20, gateway: 30. */
  int startOrder();

  /**
   * Builds this service's gRPC services. Resources to release at shutdown are registered with
   * {@link EmbeddedContext#closeOnStop(AutoCloseable)}.
   */
  List<BindableService> create(EmbeddedContext context) throws Exception;

  /**
   * True for the service that issues and verifies the cluster's credentials (the gate, with its
   * token store and the local admin token): the cluster authenticates calls only when it has one.
   */
  default boolean issuesCredentials() {
    return false;
  }
}
