package dev.bulwark.sca.advisory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CVSS base scores from vectors. v3.0/v3.1: the specification's base-score formula, computed
 * here. v4.0: an approximation, not the official macro-vector lookup: the v4 base metrics are
 * mapped to their nearest v3.1 metrics (AT:P raises attack complexity; UI:P/A become UI:R; any
 * impact on subsequent systems makes the scope Changed; each of C/I/A is the higher of the
 * vulnerable- and subsequent-system impact) and scored with the v3.1 formula.
 */
public final class Cvss {
  private Cvss() {}

  /** The base score, or empty when the vector is not a CVSS v3 or v4 vector this can read. */
  public static Optional<Double> baseScore(String vector) {
    if (vector == null) {
      return Optional.empty();
    }
    Map<String, String> m = metrics(vector);
    try {
      if (vector.startsWith("CVSS:3.")) {
        return Optional.of(v3(m));
      }
      if (vector.startsWith("CVSS:4.")) {
        return Optional.of(v3(fromV4(m)));
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
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

  private static Map<String, String> fromV4(Map<String, String> v4) {
    var m = new HashMap<String, String>();
    m.put("AV", v4.get("AV"));
    m.put("AC", "P".equals(v4.get("AT")) ? "H" : v4.get("AC"));
    m.put("PR", v4.get("PR"));
    m.put("UI", "N".equals(v4.get("UI")) ? "N" : "R");
    boolean changed = !"N".equals(v4.get("SC")) || !"N".equals(v4.get("SI")) || !"N".equals(v4.get("SA"));
    m.put("S", changed ? "C" : "U");
    m.put("C", higher(v4.get("VC"), v4.get("SC")));
    m.put("I", higher(v4.get("VI"), v4.get("SI")));
    m.put("A", higher(v4.get("VA"), v4.get("SA")));
    return m;
  }

  /** The higher of two impact values H &gt; L &gt; N. */
  private static String higher(String a, String b) {
    String order = "NLH";
    return order.indexOf(String.valueOf(b)) > order.indexOf(String.valueOf(a)) ? b : a;
  }

  private static double v3(Map<String, String> m) {
    boolean changed = "C".equals(m.get("S"));
    double av = switch (m.get("AV")) {
      case "N" -> 0.85;
      case "A" -> 0.62;
      case "L" -> 0.55;
      case "P" -> 0.2;
      default -> throw new IllegalArgumentException("AV");
    };
    double ac = switch (m.get("AC")) {
      case "L" -> 0.77;
      case "H" -> 0.44;
      default -> throw new IllegalArgumentException("AC");
    };
    double pr = switch (m.get("PR")) {
      case "N" -> 0.85;
      case "L" -> changed ? 0.68 : 0.62;
      case "H" -> changed ? 0.5 : 0.27;
      default -> throw new IllegalArgumentException("PR");
    };
    double ui = switch (m.get("UI")) {
      case "N" -> 0.85;
      case "R" -> 0.62;
      default -> throw new IllegalArgumentException("UI");
    };
    double iss = 1 - (1 - cia(m.get("C"))) * (1 - cia(m.get("I"))) * (1 - cia(m.get("A")));
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability = 8.22 * av * ac * pr * ui;
    if (impact <= 0) {
      return 0.0;
    }
    return roundUp(Math.min((changed ? 1.08 : 1.0) * (impact + exploitability), 10));
  }

  private static double cia(String value) {
    return switch (value) {
      case "H" -> 0.56;
      case "L" -> 0.22;
      case "N" -> 0.0;
      default -> throw new IllegalArgumentException("CIA");
    };
  }

  /** CVSS v3.1's Roundup: the smallest one-decimal number ≥ x, robust to float noise. */
  static double roundUp(double x) {
    long scaled = Math.round(x * 100_000);
    if (scaled % 10_000 == 0) {
      return scaled / 100_000.0;
    }
    return BigDecimal.valueOf((Math.floorDiv(scaled, 10_000) + 1) / 10.0).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }
}
