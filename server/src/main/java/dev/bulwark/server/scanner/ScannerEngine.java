package dev.bulwark.server.scanner;

import dev.bulwark.v1.ScannerInfo;

/**
 * The domain side of a scanner: plain Java that tests call directly. {@link ScannerGrpcService}
 * puts it on the wire.
 */
public interface ScannerEngine {
  /** Short name that goes into every finding: "sast", "sca" or "container". */
  String name();

  /** Analyzers, versions and databases, for {@code Describe}. */
  ScannerInfo describe();

  /**
   * Scans the files and images of the workspace that this scanner cares about, sending each
   * finding to the sink as soon as it is known. Problems with single inputs (a broken lockfile,
   * a missing database) are reported through a DEGRADED outcome, not thrown.
   */
  ScanOutcome scan(ScanWorkspace workspace, FindingSink sink) throws Exception;
}
