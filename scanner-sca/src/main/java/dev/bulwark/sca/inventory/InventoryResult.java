package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import java.util.List;

/**
 * Every package found in a scanned tree, and the problems that made the inventory incomplete
 * (a broken or unsupported file, an unresolvable version), each naming its file.
 *
 * @param packages deduplicated packages, in file then declaration order
 * @param problems one line per problem, "path: reason" or "path:line: reason"
 */
public record InventoryResult(List<InstalledPackage> packages, List<String> problems) {
  public InventoryResult {
    packages = List.copyOf(packages);
    problems = List.copyOf(problems);
  }
}
