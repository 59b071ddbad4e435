package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import java.util.List;

/** What one parser read from one file: packages, and problems that made it incomplete. */
public record ParseResult(List<InstalledPackage> packages, List<String> problems) {
  public static ParseResult of(List<InstalledPackage> packages) {
    return new ParseResult(List.copyOf(packages), List.of());
  }

  public static ParseResult broken(String path, String reason) {
    return new ParseResult(List.of(), List.of(path + ": " + reason));
  }
}
