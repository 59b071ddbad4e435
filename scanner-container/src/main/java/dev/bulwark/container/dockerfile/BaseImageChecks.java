package dev.bulwark.container.dockerfile;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.container.eol.EndOfLifeTable;
import dev.bulwark.v1.Severity;
import java.util.ArrayList;
import java.util.List;

/** Checks on each stage's base image: floating tag, end of life, no digest pin. */
public final class BaseImageChecks implements CheckFamily<Dockerfile> {
  static final CheckSpec LATEST = new CheckSpec("DS-0001", "':latest' tag used", Severity.MEDIUM,
      "A base image without a tag or with ':latest' changes under you: builds are not reproducible and may pull an unreviewed image.",
      "Use a specific tag (and ideally a digest): FROM node:20.11.1-bookworm-slim");
  static final CheckSpec EOL = new CheckSpec("bulwark.dockerfile.base-image-eol", "Base image is end-of-life",
      Severity.HIGH,
      "The base image release no longer receives security updates: its known vulnerabilities will never be fixed.",
      "Move to a supported release of the base image.");
  static final CheckSpec UNPINNED = new CheckSpec("bulwark.dockerfile.base-image-not-pinned",
      "Base image not pinned by digest", Severity.LOW,
      "A tag can be moved to another image; only a digest identifies the exact image that was reviewed.",
      "Append the digest: FROM image:tag@sha256:<digest>");

  private final EndOfLifeTable eol;

  public BaseImageChecks(EndOfLifeTable eol) {
    this.eol = eol;
  }

  @Override
  public String name() {
    return "dockerfile-base-image";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(LATEST, EOL, UNPINNED);
  }

  @Override
  public List<CheckSpec.Hit> check(Dockerfile df) {
    var hits = new ArrayList<CheckSpec.Hit>();
    for (var stage : df.stages()) {
      String image = stage.image();
      if (image.equalsIgnoreCase("scratch") || image.contains("$") || df.isStageAlias(image, stage.index())) {
        continue;
      }
      var ref = ImageReference.parse(image);
      var from = stage.from();
      if (ref.floating()) {
        hits.add(LATEST.at(from.line(), from.text(), "Stage " + stage.index() + " uses '" + image + "'"));
      }
      eol.lookup(ref.name(), ref.tag()).ifPresent(e ->
          hits.add(EOL.at(from.line(), from.text(), "Base image '" + image + "': " + e.description())));
      if (!ref.pinned()) {
        hits.add(UNPINNED.at(from.line(), from.text(), "Base image '" + image + "' has no digest"));
      }
    }
    return hits;
  }
}
