package dev.bulwark.sast;

import dev.bulwark.server.scanner.ScannerConfiguration;

/** scanner-sast's YAML configuration: the gRPC server, the default content store, the blob cache. */
public class SastConfiguration extends ScannerConfiguration {
  public SastConfiguration() {
    super(7071, "/tmp/bulwark/sast-cache");
  }
}
