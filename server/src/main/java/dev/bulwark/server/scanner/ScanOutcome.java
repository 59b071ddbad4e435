package dev.bulwark.server.scanner;

import dev.bulwark.v1.ScannerStatus;
import java.util.List;

/** How a scan went, apart from its findings. */
public record ScanOutcome(ScannerStatus status, String message, int filesScanned) {

  public static ScanOutcome ok(int filesScanned) {
    return new ScanOutcome(ScannerStatus.OK, "", filesScanned);
  }

  public static ScanOutcome degraded(String message, int filesScanned) {
    return new ScanOutcome(ScannerStatus.DEGRADED, message, filesScanned);
  }

  /** OK when there are no problems, else DEGRADED listing each of them. */
  public static ScanOutcome of(List<String> problems, int filesScanned) {
    return problems.isEmpty() ? ok(filesScanned) : degraded(String.join("; ", problems), filesScanned);
  }
}
