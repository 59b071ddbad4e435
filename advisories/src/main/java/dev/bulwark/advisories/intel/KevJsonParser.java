package dev.bulwark.advisories.intel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;

/**
 * CISA KEV in its published JSON ({@code known_exploited_vulnerabilities.json}):
 * {@code {"catalogVersion":..., "vulnerabilities":[{"cveID":..., "dateAdded":"YYYY-MM-DD",
 * "knownRansomwareCampaignUse":"Known"|"Unknown", ...}]}}. Other fields are ignored.
 */
public final class KevJsonParser {
  public static final String VERSION = "kev-json@1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private KevJsonParser() {}

  /** IllegalArgumentException when the document is not KEV JSON at all; bad entries are skipped. */
  public static Parsed<KevEntry> parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.path("vulnerabilities").isArray()) {
      throw new IllegalArgumentException(source + ": not a KEV catalog (no \"vulnerabilities\" array)");
    }
    var entries = new ArrayList<KevEntry>();
    var skipped = new ArrayList<String>();
    int i = 0;
    for (JsonNode v : root.get("vulnerabilities")) {
      try {
        entries.add(KevFields.entry(v.path("cveID").asText(""), v.path("dateAdded").asText(""),
            v.path("knownRansomwareCampaignUse").asText("")));
      } catch (IllegalArgumentException e) {
        skipped.add(source + ": vulnerabilities[" + i + "]: " + e.getMessage());
      }
      i++;
    }
    return new Parsed<>(entries, skipped);
  }
}
