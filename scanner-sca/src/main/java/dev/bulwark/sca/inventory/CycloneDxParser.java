package dev.bulwark.sca.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.HashSet;
import java.util.Set;

/**
 * CycloneDX SBOMs in JSON ({@code bom.json}, {@code *.cdx.json}) and XML ({@code bom.xml},
 * {@code *.cdx.xml}): every component, nested ones included, by its purl; scope "optional" →
 * OPTIONAL, "excluded" → DEV; direct when the {@code dependencies} graph lists it under the
 * metadata component. The document's own component is not a dependency.
 */
final class CycloneDxParser implements LockfileParser {

  @Override
  public String name() {
    return "cyclonedx";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    String n = Texts.fileName(path).toLowerCase(java.util.Locale.ROOT);
    return n.equals("bom.json") || n.endsWith(".cdx.json") || n.equals("bom.xml") || n.endsWith(".cdx.xml");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    return path.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? xml(path, content) : json(path, content);
  }

  private static ParseResult json(String path, byte[] content) {
    JsonNode root;
    String text = Texts.decode(content);
    try {
      root = Texts.json(text);
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid JSON: " + Texts.reason(e));
    }
    if (!root.path("bomFormat").asText().equals("CycloneDX")) {
      return ParseResult.broken(path, "not a CycloneDX document (bomFormat is not CycloneDX)");
    }
    Set<String> direct = null;
    String rootRef = root.path("metadata").path("component").path("bom-ref").asText("");
    for (JsonNode d : root.path("dependencies")) {
      if (d.path("ref").asText().equals(rootRef) && !rootRef.isEmpty()) {
        direct = new HashSet<>();
        for (JsonNode on : d.path("dependsOn")) {
          direct.add(on.asText());
        }
      }
    }
    var sbom = new SbomComponents(path);
    var lines = new LineLocator(text);
    components(root.path("components"), sbom, lines, direct);
    return sbom.result();
  }

  private static void components(JsonNode list, SbomComponents sbom, LineLocator lines, Set<String> direct) {
    for (JsonNode c : list) {
      String purl = c.path("purl").asText("");
      String ref = c.path("bom-ref").asText(purl);
      String label = (c.has("group") ? c.path("group").asText() + ":" : "") + c.path("name").asText() + " "
          + c.path("version").asText();
      sbom.component(purl, label.strip(), scope(c.path("scope").asText("")), direct == null ? null : direct.contains(ref),
          purl.isEmpty() ? 0 : lines.find("\"" + purl + "\""));
      components(c.path("components"), sbom, lines, direct);
    }
  }

  private static ParseResult xml(String path, byte[] content) {
    Xml.Element bom;
    try {
      bom = Xml.parse(content);
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid XML: " + Texts.reason(e));
    }
    if (!bom.name().equals("bom")) {
      return ParseResult.broken(path, "root element is <" + bom.name() + ">, not <bom>");
    }
    var sbom = new SbomComponents(path);
    components(bom.child("components"), sbom);
    return sbom.result();
  }

  private static void components(Xml.Element list, SbomComponents sbom) {
    if (list == null) {
      return;
    }
    for (Xml.Element c : list.children()) {
      if (!c.name().equals("component")) {
        continue;
      }
      String group = c.text("group");
      String label = (group.isEmpty() ? "" : group + ":") + c.text("name") + " " + c.text("version");
      sbom.component(c.text("purl"), label.strip(), scope(c.text("scope")), null, c.line());
      components(c.child("components"), sbom);
    }
  }

  private static Scope scope(String scope) {
    return switch (scope) {
      case "optional" -> Scope.OPTIONAL;
      case "excluded" -> Scope.DEV;
      default -> Scope.RUNTIME;
    };
  }
}
