package dev.bulwark.advisories.intel;

import java.util.ArrayList;
import java.util.Locale;

/**
 * FIRST EPSS in its published CSV ({@code epss_scores-YYYY-MM-DD.csv}): a comment line
 * {@code #model_version:v2025.03.14,score_date:...}, a header {@code cve,epss,percentile}, then
 * one row per CVE with probabilities between 0 and 1.
 */
public final class EpssCsvParser {
  public static final String VERSION = "epss-csv@1";

  private EpssCsvParser() {}

  public static Parsed<EpssScore> parse(String text, String source) {
    var rows = Csv.parse(text, source);
    if (rows.isEmpty() || Csv.column(rows.get(0), "cve") < 0 || Csv.column(rows.get(0), "epss") < 0) {
      throw new IllegalArgumentException(source + ": not an EPSS CSV (no cve,epss header)");
    }
    int cve = Csv.column(rows.get(0), "cve");
    int epss = Csv.column(rows.get(0), "epss");
    int percentile = Csv.column(rows.get(0), "percentile");
    var entries = new ArrayList<EpssScore>();
    var skipped = new ArrayList<String>();
    for (int i = 1; i < rows.size(); i++) {
      var row = rows.get(i);
      try {
        String id = row.get(cve).strip();
        if (!KevFields.CVE.matcher(id).matches()) {
          throw new IllegalArgumentException("'" + id + "' is not a CVE id");
        }
        double p = probability(row, epss, "epss");
        double pct = percentile >= 0 && percentile < row.size() ? probability(row, percentile, "percentile") : 0;
        entries.add(new EpssScore(id.toUpperCase(Locale.ROOT), p, pct));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        skipped.add(source + ": row " + (i + 1) + ": " + e.getMessage());
      }
    }
    return new Parsed<>(entries, skipped);
  }

  private static double probability(java.util.List<String> row, int column, String name) {
    double v;
    try {
      v = Double.parseDouble(row.get(column).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + row.get(column) + "' is not a number");
    }
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " " + v + " is not between 0 and 1");
    }
    return v;
  }
}
