package dev.bulwark.sca.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.HashSet;
import java.util.Set;

/**
 * SPDX 2.x documents in JSON ({@code *.spdx.json}): every package by the purl of its
 * {@code externalRefs} (referenceType "purl"); the packages the document describes are the
 * subject, not dependencies; DEPENDS_ON from a described package marks a direct dependency,
 * *_DEPENDENCY_OF relationships give the scope (TEST_, DEV_, OPTIONAL_, PROVIDED_).
 */
final class SpdxJsonParser extends JsonLockfileParser {

  @Override
  public String name() {
    return "spdx-json";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).toLowerCase(java.util.Locale.ROOT).endsWith(".spdx.json");
  }

  @Override
  protected ParseResult read(String path, JsonNode root, LineLocator lines, ManifestSource tree) {
    if (!root.path("spdxVersion").asText().startsWith("SPDX-2")) {
      return ParseResult.broken(path, "not an SPDX 2 JSON document (spdxVersion " + root.path("spdxVersion").asText("absent") + ")");
    }
    Set<String> described = new HashSet<>();
    root.path("documentDescribes").forEach(d -> described.add(d.asText()));
    Set<String> direct = new HashSet<>();
    var scopes = new java.util.HashMap<String, Scope>();
    for (JsonNode r : root.path("relationships")) {
      String type = r.path("relationshipType").asText();
      String from = r.path("spdxElementId").asText();
      String to = r.path("relatedSpdxElement").asText();
      if (type.equals("DESCRIBES") && from.equals("SPDXRef-DOCUMENT")) {
        described.add(to);
      } else if (type.equals("DEPENDS_ON") && described.contains(from)) {
        direct.add(to);
      } else if (type.endsWith("_DEPENDENCY_OF") && described.contains(to)) {
        direct.add(from);
        scopes.put(from, type.startsWith("TEST_") ? Scope.TEST : type.startsWith("DEV_") || type.startsWith("BUILD_")
            ? Scope.DEV : type.startsWith("OPTIONAL_") ? Scope.OPTIONAL : type.startsWith("PROVIDED_") ? Scope.PROVIDED
            : Scope.RUNTIME);
      }
    }
    boolean graph = root.path("relationships").size() > 0;
    var sbom = new SbomComponents(path);
    for (JsonNode p : root.path("packages")) {
      String id = p.path("SPDXID").asText();
      if (described.contains(id)) {
        continue;
      }
      String purl = "";
      for (JsonNode ref : p.path("externalRefs")) {
        if (ref.path("referenceType").asText().equals("purl")) {
          purl = ref.path("referenceLocator").asText();
        }
      }
      String name = p.has("name") ? p.path("name").asText() : p.path("packageName").asText();
      sbom.component(purl, (name + " " + p.path("versionInfo").asText("")).strip(), scopes.getOrDefault(id, Scope.RUNTIME),
          graph ? direct.contains(id) : null, lines.find("\"" + id + "\""));
    }
    return sbom.result();
  }
}
