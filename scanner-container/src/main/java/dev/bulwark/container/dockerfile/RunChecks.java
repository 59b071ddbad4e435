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

  static final CheckSpec WGET_AND_CURL = new CheckSpec("DS-0014", "RUN using 'wget' and 'curl'", Severity.LOW,
      "Using both tools for the same job doubles the tooling in the image.", "Pick one of wget or curl.");
  static final CheckSpec YUM_CLEAN = cleanCheck("DS-0015", "yum", "yum clean all");
  static final CheckSpec DNF_CLEAN = cleanCheck("DS-0019", "dnf", "dnf clean all");
  static final CheckSpec ZYPPER_CLEAN = cleanCheck("DS-0020", "zypper", "zypper clean");
  static final CheckSpec MICRODNF_CLEAN = cleanCheck("DS-0027", "microdnf", "microdnf clean all");
  /** Package manager → (its check, the words that clean its cache). */
  private static final java.util.Map<String, CheckSpec> CLEAN_CHECKS = java.util.Map.of(
      "yum", YUM_CLEAN, "dnf", DNF_CLEAN, "zypper", ZYPPER_CLEAN, "microdnf", MICRODNF_CLEAN);

  private static CheckSpec cleanCheck(String id, String tool, String clean) {
    return new CheckSpec(id, "'" + tool + " clean' missing after '" + tool + " install'", Severity.HIGH,
        "The " + tool + " package cache stays in the layer when it is not cleaned in the same RUN.",
        "Add '&& " + clean + "' to the RUN that installs.");
  }

  private static final Pattern SEGMENT_SPLIT = Pattern.compile("&&|\\|\\||;|\\n");
  private static final Pattern PIPE_SHELL = Pattern.compile(
      "\\b(curl|wget)\\b[^|;&]*\\|\\s*(sudo\\s+)?(\\S*/)?(sh|bash|zsh|ash|dash|ksh)\\b");

  @Override
  public String name() {
    return "dockerfile-run";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(SUDO, CD, WGET_AND_CURL, YUM_CLEAN, UPDATE_ALONE, DNF_CLEAN, ZYPPER_CLEAN, APT_NO_YES, APK_CACHE,
        MICRODNF_CLEAN, APT_RECOMMENDS, PIPE_TO_SHELL);
  }

  @Override
  public List<CheckSpec.Hit> check(Dockerfile df) {
    var hits = new ArrayList<CheckSpec.Hit>();
    Instruction firstCurl = null;
    Instruction firstWget = null;
    boolean reportedBoth = false;
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
      for (var tool : CLEAN_CHECKS.entrySet()) {
        String t = tool.getKey();
        boolean install = segments.stream().anyMatch(w -> w.get(0).equals(t) && w.contains("install"));
        boolean clean = segments.stream().anyMatch(w -> w.get(0).equals(t)
            && (w.contains("clean") || t.equals("zypper") && (w.contains("cc") || w.contains("clean"))));
        if (install && !clean) {
          hits.add(tool.getValue().at(in.line(), in.endLine(), in.text(), t + " install without " + t + " clean"));
        }
      }
      boolean curl = segments.stream().anyMatch(w -> w.get(0).equals("curl"));
      boolean wget = segments.stream().anyMatch(w -> w.get(0).equals("wget"));
      firstCurl = firstCurl == null && curl ? in : firstCurl;
      firstWget = firstWget == null && wget ? in : firstWget;
      if (!reportedBoth && firstCurl != null && firstWget != null) {
        reportedBoth = true;
        hits.add(WGET_AND_CURL.at(in.line(), in.endLine(), in.text(), "Both curl (line " + firstCurl.line()
            + ") and wget (line " + firstWget.line() + ") are used"));
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
