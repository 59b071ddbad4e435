package dev.bulwark.common.finding;

import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Reporter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns the findings of all scanners into answers: findings that several scanners (or analyzers)
 * report about the same place and the same secret or weakness become one finding that names
 * every reporter in {@link Finding#getReportedByList()}. The gateway calls it once per scan,
 * before the gate scores anything, so a committed key is one finding, not two.
 *
 * <p>Two findings merge when they come from different reporters (scanner and analyzer), sit in
 * the same file on overlapping lines (or both have no line), and name the same weakness
 * ({@link Weakness#same}). Dependency findings are never merged here (they are grouped into
 * remediation advice instead). A merged group holds at most one finding per reporter, so two
 * secrets on one line stay two findings even when a third check saw "a secret" there. The finding
 * kept is the most severe (then the most confident, then one that names a CWE, then the first
 * reporter by name); it takes the union of the CWEs and, when it has none, the others' remediation.
 */
public final class FindingMerger {
  private FindingMerger() {}

  /** The findings, merged, in the order given (a merged finding where its kept one was). */
  public static List<Finding> merge(List<Finding> findings) {
    var groups = new ArrayList<List<Finding>>();
    var byPath = new LinkedHashMap<String, List<List<Finding>>>();
    var order = new ArrayList<>(findings);
    // the kept finding must come first in its group: most severe, most confident, by reporter
    order.sort(KEEP_FIRST);
    var slot = new IdentityHashMap<Finding, List<Finding>>(); // equal findings are still two
    for (Finding f : order) {
      List<Finding> group = null;
      if (mergeable(f)) {
        for (List<Finding> candidate : byPath.getOrDefault(f.getLocation().getPath(), List.of())) {
          if (accepts(candidate, f)) {
            group = candidate;
            break;
          }
        }
      }
      if (group == null) {
        group = new ArrayList<>();
        groups.add(group);
        if (mergeable(f)) {
          byPath.computeIfAbsent(f.getLocation().getPath(), k -> new ArrayList<>()).add(group);
        }
      }
      group.add(f);
      slot.put(f, group);
    }
    var out = new ArrayList<Finding>(groups.size());
    for (Finding f : findings) {
      List<Finding> group = slot.get(f);
      if (group != null && group.get(0) == f) {
        out.add(combine(group));
      }
    }
    return out;
  }

  private static final Comparator<Finding> KEEP_FIRST = Comparator
      .comparingInt((Finding f) -> -f.getSeverityValue())
      .thenComparingInt(f -> -f.getConfidenceValue())
      .thenComparingInt(f -> f.getCweCount() > 0 ? 0 : 1) // the one that names its weakness is more specific
      .thenComparing(FindingMerger::reporterKey)
      .thenComparing(Finding::getRuleId);

  private static boolean mergeable(Finding f) {
    return !(f.hasPackage() && !f.getPackage().getName().isEmpty())
        && f.hasLocation() && !f.getLocation().getPath().isEmpty();
  }

  private static boolean accepts(List<Finding> group, Finding f) {
    String reporter = reporterKey(f);
    if (group.stream().anyMatch(g -> reporterKey(g).equals(reporter))) {
      return false;
    }
    Finding kept = group.get(0);
    return overlap(kept, f) && Weakness.same(kept, f);
  }

  /** The same lines: ranges that overlap, or no line on either side. */
  private static boolean overlap(Finding a, Finding b) {
    int as = a.getLocation().getStartLine();
    int bs = b.getLocation().getStartLine();
    if (as <= 0 || bs <= 0) {
      return as <= 0 && bs <= 0;
    }
    int ae = Math.max(as, a.getLocation().getEndLine());
    int be = Math.max(bs, b.getLocation().getEndLine());
    return as <= be && bs <= ae;
  }

  /** Scanner and analyzer without its version: "sast/secrets", "container/trivy". */
  static String reporterKey(Finding f) {
    String analyzer = f.getAnalyzer();
    int at = analyzer.indexOf('@');
    return f.getScanner() + "/" + (at < 0 ? analyzer : analyzer.substring(0, at));
  }

  private static Finding combine(List<Finding> group) {
    Finding kept = group.get(0);
    var b = kept.toBuilder().clearReportedBy();
    reporters(kept).forEach(b::addReportedBy);
    if (group.size() == 1) {
      return b.build();
    }
    var cwes = new TreeSet<>(kept.getCweList());
    for (Finding other : group.subList(1, group.size())) {
      reporters(other).forEach(b::addReportedBy);
      cwes.addAll(other.getCweList());
      if (b.getRemediation().isEmpty()) {
        b.setRemediation(other.getRemediation());
      }
    }
    return b.clearCwe().addAllCwe(cwes).build();
  }

  /** Who reported it: the entries a previous merge recorded, else the finding's own scanner. */
  private static List<Reporter> reporters(Finding f) {
    if (f.getReportedByCount() > 0) {
      return f.getReportedByList();
    }
    return List.of(Reporter.newBuilder().setScanner(f.getScanner()).setAnalyzer(f.getAnalyzer())
        .setRuleId(f.getRuleId()).setSeverity(f.getSeverity()).setFingerprint(f.getFingerprint()).build());
  }

  /** For reports: the distinct scanners a finding names, its own first. */
  public static List<String> scanners(Finding f) {
    var out = new ArrayList<String>();
    out.add(f.getScanner());
    f.getReportedByList().forEach(r -> {
      if (!out.contains(r.getScanner())) {
        out.add(r.getScanner());
      }
    });
    return out;
  }
}
