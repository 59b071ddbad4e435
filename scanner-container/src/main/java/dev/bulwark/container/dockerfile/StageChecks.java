package dev.bulwark.container.dockerfile;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.v1.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Structural checks of each build stage: duplicated instructions, WORKDIR paths, self-copies, MAINTAINER. */
public final class StageChecks implements CheckFamily<Dockerfile> {
  static final CheckSpec SELF_COPY = new CheckSpec("DS-0006", "COPY '--from' referring to the current image",
      Severity.CRITICAL, "COPY --from cannot copy from the stage it is in; the build fails or copies from an unexpected image.",
      "Point --from at an earlier stage.");
  static final CheckSpec MANY_ENTRYPOINTS = new CheckSpec("DS-0007", "Multiple ENTRYPOINT instructions listed",
      Severity.CRITICAL, "Only the last ENTRYPOINT of a stage takes effect; the others mislead readers.",
      "Keep one ENTRYPOINT per stage.");
  static final CheckSpec RELATIVE_WORKDIR = new CheckSpec("DS-0009", "WORKDIR path not absolute", Severity.HIGH,
      "A relative WORKDIR depends on every earlier WORKDIR; absolute paths are clear and reliable.",
      "Use an absolute path: WORKDIR /app");
  static final CheckSpec MANY_CMDS = new CheckSpec("DS-0016", "Multiple CMD instructions listed", Severity.HIGH,
      "Only the last CMD of a stage takes effect; the others mislead readers.", "Keep one CMD per stage.");
  static final CheckSpec MAINTAINER = new CheckSpec("DS-0022", "Deprecated MAINTAINER used", Severity.HIGH,
      "MAINTAINER is deprecated since Docker 1.13.", "Use LABEL org.opencontainers.image.authors=\"...\" instead.");
  static final CheckSpec MANY_HEALTHCHECKS = new CheckSpec("DS-0023", "Multiple HEALTHCHECK defined", Severity.MEDIUM,
      "Only the last HEALTHCHECK of a stage takes effect.", "Keep one HEALTHCHECK per stage.");
  static final CheckSpec SYSTEM_WORKDIR = new CheckSpec("DS-0030", "WORKDIR under a system directory", Severity.HIGH,
      "Working in /proc, /boot, /dev, /initrd or /lost+found can break the system or leak host state.",
      "Use an application directory such as /app.");
  private static final List<String> SYSTEM_DIRS = List.of("/proc", "/boot", "/dev", "/initrd", "/lost+found");

  @Override
  public String name() {
    return "dockerfile-stage";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(SELF_COPY, MANY_ENTRYPOINTS, RELATIVE_WORKDIR, MANY_CMDS, MAINTAINER, MANY_HEALTHCHECKS, SYSTEM_WORKDIR);
  }

  @Override
  public List<CheckSpec.Hit> check(Dockerfile df) {
    var hits = new ArrayList<CheckSpec.Hit>();
    for (var stage : df.stages()) {
      duplicates(stage, "ENTRYPOINT", MANY_ENTRYPOINTS, hits);
      duplicates(stage, "CMD", MANY_CMDS, hits);
      duplicates(stage, "HEALTHCHECK", MANY_HEALTHCHECKS, hits);
      for (var in : stage.instructions()) {
        if (in.is("MAINTAINER")) {
          hits.add(MAINTAINER.at(in.line(), in.text(), "MAINTAINER is deprecated"));
        } else if (in.is("WORKDIR")) {
          String dir = in.arguments().strip().replaceAll("^[\"']|[\"']$", "");
          if (!dir.startsWith("/") && !dir.startsWith("$") && !dir.matches("(?i)^[a-z]:[\\\\/].*")) {
            hits.add(RELATIVE_WORKDIR.at(in.line(), in.text(), "WORKDIR '" + dir + "' is relative"));
          }
          String lower = dir.toLowerCase(Locale.ROOT);
          if (SYSTEM_DIRS.stream().anyMatch(s -> lower.equals(s) || lower.startsWith(s + "/"))) {
            hits.add(SYSTEM_WORKDIR.at(in.line(), in.text(), "WORKDIR '" + dir + "' is a system directory"));
          }
        } else if (in.is("COPY") && !stage.alias().isEmpty()
            && stage.alias().equalsIgnoreCase(in.flags().getOrDefault("from", ""))) {
          hits.add(SELF_COPY.at(in.line(), in.text(), "COPY --from=" + stage.alias() + " is inside stage " + stage.alias()));
        }
      }
    }
    return hits;
  }

  private static void duplicates(Dockerfile.Stage stage, String keyword, CheckSpec spec, List<CheckSpec.Hit> hits) {
    var all = stage.instructions().stream().filter(i -> i.is(keyword)).toList();
    for (var extra : all.subList(Math.min(1, all.size()), all.size())) {
      hits.add(spec.at(extra.line(), extra.text(), "Stage " + stage.index() + " has " + all.size() + " " + keyword
          + " instructions; only the last one takes effect"));
    }
  }
}
