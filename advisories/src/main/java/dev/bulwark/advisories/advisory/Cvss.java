package dev.bulwark.advisories.advisory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CVSS base scores from vectors. v2, v3.0 and v3.1 are scored by the maintained calculator
 * {@code us.springett:cvss-calculator}. v4.0 (which that calculator does not read): an
 * approximation, not the official macro-vector lookup: the v4 base metrics are mapped to their
 * nearest v3.1 metrics (AT:P raises attack complexity; UI:P/A become UI:R; any impact on
 * subsequent systems makes the scope Changed; each of C/I/A is the higher of the vulnerable- and
 * subsequent-system impact) and scored as that v3.1 vector.
 */
public final class Cvss {
  private Cvss() {}

  /** The base score, or empty when the vector is not a CVSS v2, v3 or v4 vector this can read. */
  public static Optional<Double> baseScore(String vector) {
    if (vector == null || vector.isBlank()) {
      return Optional.empty();
    }
    String v = vector.trim();
    try {
      if (v.startsWith("CVSS:4.")) {
        v = asV31(metrics(v));
      }
      us.springett.cvss.Cvss cvss = us.springett.cvss.Cvss.fromVector(v);
      return cvss == null ? Optional.empty() : Optional.of(cvss.calculateScore().getBaseScore());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> metrics(String vector) {
    var m = new HashMap<String, String>();
    for (String part : vector.split("/")) {
      int colon = part.indexOf(':');
      if (colon > 0) {
        m.put(part.substring(0, colon), part.substring(colon + 1));
      }
    }
    return m;
  }

  /** The v3.1 vector nearest to these v4.0 base metrics. */
  private static String asV31(Map<String, String> v4) {
    boolean changed = !"N".equals(v4.get("SC")) || !"N".equals(v4.get("SI")) || !"N".equals(v4.get("SA"));
    return "CVSS:3.1/AV:" + v4.get("AV")
        + "/AC:" + ("P".equals(v4.get("AT")) ? "H" : v4.get("AC"))
        + "/PR:" + v4.get("PR")
        + "/UI:" + ("N".equals(v4.get("UI")) ? "N" : "R")
        + "/S:" + (changed ? "C" : "U")
        + "/C:" + higher(v4.get("VC"), v4.get("SC"))
        + "/I:" + higher(v4.get("VI"), v4.get("SI"))
        + "/A:" + higher(v4.get("VA"), v4.get("SA"));
  }

  /** The higher of two impact values H &gt; L &gt; N. */
  private static String higher(String a, String b) {
    String order = "NLH";
    return order.indexOf(String.valueOf(b)) > order.indexOf(String.valueOf(a)) ? b : a;
  }
}
