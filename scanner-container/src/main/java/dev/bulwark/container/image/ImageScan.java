package dev.bulwark.container.image;

import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.container.eol.EndOfLifeTable;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Image;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The native image side of a scan: each image inventoried, its distribution checked for end of
 * life, its packages handed to the advisory matcher. A hostile or unreadable image becomes a
 * problem (DEGRADED), never a failed scan.
 */
public final class ImageScan {
  public static final String EOL_RULE = "bulwark.image.os-eol";

  private final ImageAnalyzer analyzer;
  private final EndOfLifeTable eol;
  private final ImagePackageMatcher matcher;

  public ImageScan(ImageAnalyzer analyzer, EndOfLifeTable eol, ImagePackageMatcher matcher) {
    this.analyzer = analyzer;
    this.eol = eol;
    this.matcher = matcher;
  }

  /** Findings, problems and inventories of one run. */
  public record Result(List<Finding> findings, List<String> problems, List<ImageInventory> inventories) {}

  public Result run(ScanWorkspace ws) {
    var findings = new ArrayList<Finding>();
    var problems = new ArrayList<String>();
    var inventories = new ArrayList<ImageInventory>();
    for (Image image : ws.images()) {
      if (ws.cancelled()) {
        break;
      }
      try {
        var inventory = analyzer.analyze(ws.localPath(image), image.getName());
        inventories.add(inventory);
        inventory.notes().forEach(n -> problems.add("image " + image.getName() + ": " + n));
        inventory.os().ifPresent(os -> eol.lookup(os.id(), os.version())
            .or(() -> os.codename().isEmpty() ? java.util.Optional.empty() : eol.lookup(os.id(), os.codename()))
            .ifPresent(e -> findings.add(eolFinding(image.getName(), os, e.description()))));
        var matches = matcher.match(inventory);
        findings.addAll(matches.findings());
        // the same problem (e.g. no database) for several images is said once
        matches.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
      } catch (HostileImageException e) {
        problems.add("image " + image.getName() + ": hostile archive refused: " + e.getMessage());
      } catch (IOException | RuntimeException e) {
        problems.add("image " + image.getName() + ": unreadable: " + e.getMessage());
      }
    }
    return new Result(findings, problems, inventories);
  }

  private Finding eolFinding(String imageName, OsInfo os, String why) {
    return Finding.newBuilder()
        .setRuleId(EOL_RULE)
        .setTitle("Image distribution is end-of-life: " + os.name())
        .setDescription("The image is built on " + os.name() + " (from " + os.source() + "). " + why
            + ". Vulnerabilities found in its packages from now on will not be fixed.")
        .setSeverity(Severity.INFO)
        .setLocation(Location.newBuilder().setPath(imageName).setSnippet(os.name()))
        .setConfidence(Confidence.CONFIDENCE_HIGH)
        .setAnalyzer(analyzer.name() + "@" + analyzer.version())
        .setRemediation("Rebuild the image on a supported release of " + os.id() + ".")
        .build();
  }
}
