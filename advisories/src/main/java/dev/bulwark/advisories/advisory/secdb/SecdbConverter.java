package dev.bulwark.advisories.advisory.secdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulwark.advisories.advisory.OsvRecord;
import dev.bulwark.advisories.advisory.OsvSource.RecordSink;
import dev.bulwark.advisories.version.VersionOrder;
import dev.bulwark.advisories.version.VersionOrders;
import dev.bulwark.common.purl.PackageUrls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns one secdb document into OSV records, one per (release, origin package, vulnerability).
 *
 * <p>Id scheme: {@code ALPINE-<distroversion>-<origin>-<vulnerability id>}, e.g.
 * {@code ALPINE-v3.10-openssl-CVE-2019-1547}; the vulnerability id is the first id of the secfixes
 * line ({@code "CVE-2017-8904 XSA-214"} gives {@code ...-CVE-2017-8904}, {@code "XSA-207"} gives
 * {@code ...-XSA-207}), and every id of the line becomes an alias, so the record meets OSV and
 * GHSA records about the same CVE. Each record affects ecosystem {@code Alpine:<distroversion>}
 * ("Alpine:v3.10"), package = the origin (source) package, one ECOSYSTEM range introduced
 * {@code 0}, fixed at the version that lists the id. A version key {@code "0"} means the branch
 * was never affected: no record. An id listed under several fixed versions keeps the lowest.
 * Records carry no timestamps, so re-importing the same document changes nothing.
 */
final class SecdbConverter {
  static final String VERSION = "1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][A-Za-z0-9._:-]*");
  private static final VersionOrder APK = VersionOrders.forEcosystem("Alpine");

  private SecdbConverter() {}

  static void convert(String origin, byte[] document, RecordSink sink, List<String> problems) {
    JsonNode root;
    try {
      root = firstNonBlank(document) == '{' ? JSON.readTree(document) : YAML.readTree(document);
    } catch (IOException | RuntimeException e) {
      problems.add(origin + ": not a readable secdb document: " + firstLine(e.getMessage()));
      return;
    }
    String release = release(root.path("distroversion").asText(""));
    if (release.isEmpty()) {
      problems.add(origin + ": secdb document without distroversion");
      return;
    }
    String repo = root.path("reponame").asText("");
    var packages = new ArrayList<JsonNode>();
    if (root.path("packages").isArray()) {
      root.path("packages").forEach(p -> packages.add(p.has("pkg") ? p.get("pkg") : p));
    } else if (root.has("name")) {
      packages.add(root);
    }
    for (JsonNode pkg : packages) {
      String name = pkg.path("name").asText("").strip();
      if (name.isEmpty()) {
        problems.add(origin + ": secdb package without a name");
        continue;
      }
      for (var r : records(release, repo, name, pkg.path("secfixes"), origin, problems)) {
        try {
          sink.accept(origin + "!" + r.get("id"), JSON.writeValueAsBytes(r));
        } catch (IOException e) {
          problems.add(origin + ": " + r.get("id") + ": " + e.getMessage());
        }
      }
    }
  }

  private static List<Map<String, Object>> records(String release, String repo, String name, JsonNode secfixes,
      String origin, List<String> problems) {
    // vulnerability id → (lowest fixed version, every id of its lines)
    Map<String, String> fixedById = new TreeMap<>();
    Map<String, LinkedHashSet<String>> aliasesById = new TreeMap<>();
    for (var it = secfixes.fields(); it.hasNext(); ) {
      var entry = it.next();
      String fixed = entry.getKey().strip();
      if (fixed.equals("0")) {
        continue;
      }
      if (!APK.isValid(fixed)) {
        problems.add(origin + ": " + name + ": cannot read fixed version '" + fixed + "'");
        continue;
      }
      JsonNode lines = entry.getValue();
      for (JsonNode line : lines.isArray() ? lines : List.of(lines)) {
        var ids = ids(line.asText(""));
        if (ids.isEmpty()) {
          continue;
        }
        String id = ids.get(0);
        fixedById.merge(id, fixed, (a, b) -> APK.parse(a).compareTo(APK.parse(b)) <= 0 ? a : b);
        aliasesById.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(ids);
      }
    }
    var out = new ArrayList<Map<String, Object>>();
    fixedById.forEach((vuln, fixed) -> out.add(record(release, repo, name, vuln, fixed, aliasesById.get(vuln))));
    return out;
  }

  /**
   * The OSV record as JSON fields, built by hand ({@link OsvRecord} is for reading) and in a fixed
   * field order: the store hashes the JSON text, so the same document must give the same bytes
   * in every run (no {@code Map.of}, whose iteration order changes between JVMs).
   */
  private static Map<String, Object> record(String release, String repo, String name, String vuln, String fixed,
      LinkedHashSet<String> ids) {
    var pkg = ordered("ecosystem", "Alpine:" + release, "name", name,
        "purl", PackageUrls.of("Alpine", name, null, Map.of("distro", release.substring(1))));
    var range = ordered("type", "ECOSYSTEM",
        "events", List.of(ordered("introduced", "0"), ordered("fixed", fixed)));
    var affected = ordered("package", pkg, "ranges", List.of(range),
        "database_specific", ordered("source", "alpine-secdb", "repository", repo));
    var r = ordered("schema_version", "1.6.0", "id", "ALPINE-" + release + "-" + name + "-" + vuln,
        "aliases", List.copyOf(ids),
        "summary", vuln + " in " + name + " (Alpine " + release + ")",
        "details", "Alpine's security database for " + release + (repo.isEmpty() ? "" : "/" + repo) + " lists "
            + vuln + " as fixed in " + name + " " + fixed + ".",
        "affected", List.of(affected));
    if (vuln.startsWith("CVE-")) {
      r.put("references", List.of(ordered("type", "ADVISORY", "url", "https://security.alpinelinux.org/vuln/" + vuln)));
    }
    r.put("database_specific", ordered("source", "alpine-secdb", "converter_version", VERSION));
    return r;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** The ids of one secfixes line: "CVE-2017-8904 XSA-214" → both; free text around them dropped. */
  static List<String> ids(String line) {
    var out = new ArrayList<String>();
    for (String token : line.strip().split("[\\s,;()]+")) {
      if (ID.matcher(token).matches()) {
        out.add(token);
      }
    }
    return out;
  }

  /** "v3.10" as written; "3.10" gets OSV's "v". */
  static String release(String distroversion) {
    String v = distroversion.strip();
    return !v.isEmpty() && Character.isDigit(v.charAt(0)) ? "v" + v : v;
  }

  private static int firstNonBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return b;
      }
    }
    return -1;
  }

  private static String firstLine(String message) {
    return String.valueOf(message).lines().findFirst().orElse("");
  }
}
