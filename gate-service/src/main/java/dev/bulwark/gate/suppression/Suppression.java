package dev.bulwark.gate.suppression;

import dev.bulwark.common.path.Glob;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An accepted risk, from {@code .bulwark.yaml} or central ({@link CentralSuppression}): the findings it matches stay visible but become
 * SUPPRESSED and never fail the gate. Every criterion must match; each suppression carries a
 * reason and an expiry date (inclusive).
 *
 * @param criteria what it matches (at least one)
 * @param reason   why the risk is accepted
 * @param expires  last day it applies
 * @param origin   where it was declared, for messages: "line 12" of the policy file, or
 *                 "central 3f2a..." for one managed over gRPC ({@link CentralSuppression})
 */
public record Suppression(List<Criterion> criteria, String reason, LocalDate expires, String origin) {
  /** Suppressions may not reach further ahead than this, so accepted risks get re-examined. */
  public static final int MAX_DAYS = 366;

  public Suppression {
    criteria = List.copyOf(criteria);
  }

  /** One thing a suppression can match on. */
  public sealed interface Criterion {
    boolean matches(Finding f);

    String describe();
  }

  /** The finding's fingerprint, exactly. */
  public record ByFingerprint(String fingerprint) implements Criterion {
    public boolean matches(Finding f) {
      return f.getFingerprint().equalsIgnoreCase(fingerprint);
    }

    public String describe() {
      return "fingerprint " + fingerprint;
    }
  }

  /** The rule id, exactly or by a trailing {@code *} prefix (e.g. {@code secret.*}). */
  public record ByRule(String rule) implements Criterion {
    public boolean matches(Finding f) {
      return rule.endsWith("*") ? f.getRuleId().startsWith(rule.substring(0, rule.length() - 1))
          : f.getRuleId().equals(rule);
    }

    public String describe() {
      return "rule " + rule;
    }
  }

  /**
   * A glob on the finding's path (or its package's manifest path): {@code *} and {@code ?}
   * stay within one folder, {@code **} crosses folders, {@code **}{@code /} may match nothing.
   */
  public record ByPath(String glob, Pattern regex) implements Criterion {
    public ByPath(String glob) {
      this(glob, Glob.compile(glob));
    }

    public boolean matches(Finding f) {
      return (f.hasLocation() && regex.matcher(f.getLocation().getPath()).matches())
          || (f.hasPackage() && regex.matcher(f.getPackage().getManifestPath()).matches());
    }

    public String describe() {
      return "path " + glob;
    }
  }

  /** A package by ecosystem and name, case-insensitively, any version. */
  public record ByPackage(String ecosystem, String name) implements Criterion {
    public boolean matches(Finding f) {
      return f.hasPackage() && f.getPackage().getEcosystem().equalsIgnoreCase(ecosystem)
          && f.getPackage().getName().equalsIgnoreCase(name);
    }

    public String describe() {
      return "package " + ecosystem + ":" + name;
    }
  }

  /** A package by purl; without {@code @version} it matches every version. */
  public record ByPurl(String purl) implements Criterion {
    public boolean matches(Finding f) {
      if (!f.hasPackage() || f.getPackage().getPurl().isEmpty()) {
        return false;
      }
      String want = stripQualifiers(purl);
      String have = stripQualifiers(f.getPackage().getPurl());
      if (!want.contains("@")) {
        int at = have.indexOf('@');
        have = at < 0 ? have : have.substring(0, at);
      }
      return want.equalsIgnoreCase(have);
    }

    public String describe() {
      return "purl " + purl;
    }

    private static String stripQualifiers(String p) {
      int cut = p.length();
      for (char c : new char[] {'?', '#'}) {
        int i = p.indexOf(c);
        if (i >= 0) {
          cut = Math.min(cut, i);
        }
      }
      return p.substring(0, cut);
    }
  }

  /** An advisory id or any of its aliases (e.g. a CVE id), case-insensitively. */
  public record ByAdvisory(String id) implements Criterion {
    public boolean matches(Finding f) {
      if (f.getRuleId().equalsIgnoreCase(id)) {
        return true;
      }
      return f.hasAdvisory() && (f.getAdvisory().getId().equalsIgnoreCase(id)
          || f.getAdvisory().getAliasesList().stream().anyMatch(id::equalsIgnoreCase));
    }

    public String describe() {
      return "advisory " + id;
    }
  }

  /**
   * The cap a central policy puts on a repository's suppressions ({@code repo.suppressUpTo}): the
   * suppression only reaches findings of this severity or lower.
   */
  public record SeverityCap(Severity max) implements Criterion {
    public boolean matches(Finding f) {
      return f.getSeverity().getNumber() <= max.getNumber();
    }

    public String describe() {
      return "severity at most " + max + " (central policy)";
    }
  }

  public boolean matches(Finding f) {
    return !criteria.isEmpty() && criteria.stream().allMatch(c -> c.matches(f));
  }

  /** This suppression with one more criterion (e.g. a {@link SeverityCap}). */
  public Suppression with(Criterion c) {
    var all = new ArrayList<>(criteria);
    all.add(c);
    return new Suppression(all, reason, expires, origin);
  }

  /**
   * True when everything but its {@link SeverityCap} matches the finding and the cap does not:
   * the repository tried to suppress a finding more severe than the central policy lets it.
   */
  public boolean cappedOut(Finding f) {
    return cap().filter(max -> f.getSeverity().getNumber() > max.getNumber()).isPresent()
        && criteria.stream().filter(c -> !(c instanceof SeverityCap)).allMatch(c -> c.matches(f));
  }

  /** The severity cap a central policy put on this (repository) suppression, if any. */
  public Optional<Severity> cap() {
    return criteria.stream().filter(SeverityCap.class::isInstance).map(c -> ((SeverityCap) c).max()).findFirst();
  }

  public boolean activeOn(LocalDate day) {
    return !day.isAfter(expires);
  }

  /** For the finding's {@code suppression} field and reasons. */
  public String describe() {
    return criteria.stream().map(Criterion::describe).collect(Collectors.joining(", "))
        + " (" + origin + "): " + reason + "; expires " + expires;
  }
}
