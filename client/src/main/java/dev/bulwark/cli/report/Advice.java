package dev.bulwark.cli.report;

import dev.bulwark.v1.Remediation;

/** How the reports word a {@link Remediation}. */
final class Advice {
  private Advice() {}

  static int advisories(Remediation r) {
    return r.getFixesCount() + r.getRemainingCount();
  }

  /** "upgrade jackson-databind 2.9.8 → 2.12.7.1: fixes 53 of 53 advisories", or why there is no upgrade. */
  static String sentence(Remediation r) {
    var p = r.getPackage();
    if (r.getUpgradeTo().isEmpty()) {
      return p.getName() + " " + p.getVersion() + ": no fixed version is published for its " + advisories(r)
          + " advisor" + (advisories(r) == 1 ? "y" : "ies");
    }
    var text = new StringBuilder("upgrade ").append(p.getName()).append(' ').append(p.getVersion())
        .append(" → ").append(r.getUpgradeTo()).append(r.getMajor() ? " (major version)" : "")
        .append(": fixes ").append(r.getFixesCount()).append(" of ").append(advisories(r))
        .append(" advisor").append(advisories(r) == 1 ? "y" : "ies");
    if (!r.getSameMajorVersion().isEmpty()) {
      text.append("; within the installed major, ").append(r.getSameMajorVersion()).append(" fixes ")
          .append(r.getSameMajorFixesCount());
    }
    return text.toString();
  }

  /** The UPGRADE TO cell: the version, marked when it is a major jump, or "-". */
  static String target(Remediation r) {
    if (r.getUpgradeTo().isEmpty()) {
      return "-";
    }
    return r.getUpgradeTo() + (r.getMajor() ? " (major)" : "");
  }

  /** The FIXES cell: "53/53". */
  static String fixes(Remediation r) {
    return r.getFixesCount() + "/" + advisories(r);
  }
}
