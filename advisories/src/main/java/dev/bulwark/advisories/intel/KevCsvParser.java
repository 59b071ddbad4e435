package dev.bulwark.advisories.intel;

import java.util.ArrayList;

/**
 * CISA KEV in its published CSV ({@code known_exploited_vulnerabilities.csv}): a header row
 * ({@code cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,
 * dueDate,knownRansomwareCampaignUse,notes,cwes}), then one quoted row per vulnerability. Columns
 * are found by header name, so their order may change.
 */
public final class KevCsvParser {
  public static final String VERSION = "kev-csv@1";

  private KevCsvParser() {}

  public static Parsed<KevEntry> parse(String text, String source) {
    var rows = Csv.parse(text, source);
    if (rows.isEmpty() || Csv.column(rows.get(0), "cveID") < 0) {
      throw new IllegalArgumentException(source + ": not a KEV CSV (no cveID column in the header)");
    }
    var header = rows.get(0);
    int cve = Csv.column(header, "cveID");
    int added = Csv.column(header, "dateAdded");
    int ransomware = Csv.column(header, "knownRansomwareCampaignUse");
    var entries = new ArrayList<KevEntry>();
    var skipped = new ArrayList<String>();
    for (int i = 1; i < rows.size(); i++) {
      var row = rows.get(i);
      try {
        entries.add(KevFields.entry(get(row, cve), get(row, added), get(row, ransomware)));
      } catch (IllegalArgumentException e) {
        skipped.add(source + ": row " + (i + 1) + ": " + e.getMessage());
      }
    }
    return new Parsed<>(entries, skipped);
  }

  private static String get(java.util.List<String> row, int column) {
    return column >= 0 && column < row.size() ? row.get(column) : "";
  }
}
