package dev.bulwark.container.dockerfile;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.v1.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Checks on the shell commands of RUN instructions. */
public final class RunChecks implements CheckFamily<Dockerfile> {
  static final CheckSpec SUDO = new CheckSpec("DS-0010", "RUN using 'sudo'", Severity.CRITICAL,
      "'sudo' in a build step has unpredictable behaviour and usually means the image runs privileged tooling.",
      "Do not use sudo; switch USER for the steps that need root.");
  static final CheckSpec CD = new CheckSpec("DS-0013", "'RUN cd ...' to change directory", Severity.MEDIUM,
      "'cd' inside RUN only lasts for that step and makes the build hard to follow.",
      "Use WORKDIR instead of 'RUN cd'.");
  static final CheckSpec UPDATE_ALONE = new CheckSpec("DS-0017", "'RUN <package-manager> update' instruction alone",
      Severity.HIGH,
      "A package index update in its own RUN is cached as a layer: later installs use a stale index.",
      "Combine the update and the install in one RUN: RUN apt-get update && apt-get install -y ...");
  static final CheckSpec APT_NO_YES = new CheckSpec("DS-0021", "'apt-get' missing '-y' to avoid manual input",
      Severity.HIGH, "'apt-get install' without -y waits for input and fails the build.", "Add -y: apt-get install -y ...");
  static final CheckSpec APK_CACHE = new CheckSpec("DS-0025", "'apk add' is missing '--no-cache'", Severity.HIGH,
      "Without --no-cache the apk index stays in the image layer, making it bigger.", "Use 'apk add --no-cache ...'.");
  static final CheckSpec APT_RECOMMENDS = new CheckSpec("DS-0029", "'apt-get' missing '--no-install-recommends'",
      Severity.HIGH, "Recommended packages enlarge the image and its attack surface.",
      "Use 'apt-get install -y --no-install-recommends ...'.");
  static final CheckSpec PIPE_TO_SHELL = new CheckSpec("bulwark.dockerfile.pipe-to-shell",
      "Remote script piped into a shell", Severity.HIGH,
      "'curl ... | sh' runs whatever the server returns, unverified, as the build user (usually root).",
      "Download the script, verify its checksum or signature, then run it.");

  private static final Pattern SEGMENT_SPLIT = Pattern.compile("&&|\\|\\||;|\\n");
  private static final Pattern PIPE_SHELL = Pattern.compile(
      "\\b(curl|wget)\\b[^|;&]*\\|\\s*(sudo\\s+)?(\\S*/)?(sh|bash|zsh|ash|dash|ksh)\\b");

  @Override
  public String name() {
    return "dockerfile-run";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(SUDO, CD, UPDATE_ALONE, APT_NO_YES, APK_CACHE, APT_RECOMMENDS, PIPE_TO_SHELL);
  }

  @Override
  public List<CheckSpec.Hit> check(Dockerfile df) {
    var hits = new ArrayList<CheckSpec.Hit>();
    for (var in : df.instructions()) {
      if (!in.is("RUN")) {
        continue;
      }
      String command = in.json().map(l -> String.join(" ", l)).orElse(in.arguments());
      List<List<String>> segments = Arrays.stream(SEGMENT_SPLIT.split(command))
          .flatMap(s -> Arrays.stream(s.split("\\|")))
          .map(s -> List.of(s.strip().split("\\s+"))).filter(w -> !w.get(0).isEmpty()).toList();
      boolean installs = false;
      CheckSpec.Hit update = null;
      for (var words : segments) {
        String cmd = words.get(0);
        if (cmd.equals("sudo")) {
          hits.add(SUDO.at(in.line(), in.endLine(), in.text(), "RUN calls sudo"));
          words = words.subList(1, words.size());
          if (words.isEmpty()) {
            continue;
          }
          cmd = words.get(0);
        }
        if (cmd.equals("cd")) {
          hits.add(CD.at(in.line(), in.endLine(), in.text(), "RUN changes directory with 'cd'"));
        }
        String sub = words.size() > 1 ? words.get(1) : "";
        boolean aptLike = cmd.equals("apt-get") || cmd.equals("apt");
        if ((aptLike || cmd.matches("apk|yum|dnf|zypper|microdnf")) && sub.equals("update")) {
          update = UPDATE_ALONE.at(in.line(), in.endLine(), in.text(), cmd + " update without an install in the same RUN");
        }
        if (aptLike && sub.equals("install") || cmd.equals("apk") && sub.equals("add")
            || cmd.matches("yum|dnf|zypper|microdnf") && sub.equals("install")) {
          installs = true;
        }
        if (aptLike && words.contains("install")) {
          if (words.stream().noneMatch(w -> w.matches("-y|--yes|--assume-yes|-qq|-q=2|-[a-z]*y[a-z]*"))) {
            hits.add(APT_NO_YES.at(in.line(), in.endLine(), in.text(), cmd + " install without -y"));
          }
          if (!words.contains("--no-install-recommends")) {
            hits.add(APT_RECOMMENDS.at(in.line(), in.endLine(), in.text(), cmd + " install without --no-install-recommends"));
          }
        }
        if (cmd.equals("apk") && sub.equals("add") && !words.contains("--no-cache")) {
          hits.add(APK_CACHE.at(in.line(), in.endLine(), in.text(), "apk add without --no-cache"));
        }
      }
      if (update != null && !installs) {
        hits.add(update);
      }
      var pipe = PIPE_SHELL.matcher(command);
      if (pipe.find()) {
        hits.add(PIPE_TO_SHELL.at(in.line(), in.endLine(), in.text(),
            "RUN pipes a " + pipe.group(1) + " download into " + pipe.group(4)));
      }
    }
    return hits;
  }
}
