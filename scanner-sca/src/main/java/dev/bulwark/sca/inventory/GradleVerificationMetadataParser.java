package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Gradle {@code gradle/verification-metadata.xml}: every {@code <component group name version>}
 * is an artifact the build resolved. Components missing one of the three attributes are
 * skipped. The file does not tell scopes or direct dependencies.
 */
final class GradleVerificationMetadataParser implements LockfileParser {
  @Override
  public String name() {
    return "gradle-verification-metadata";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return path.equals("gradle/verification-metadata.xml") || path.endsWith("/gradle/verification-metadata.xml");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    var out = new ArrayList<InstalledPackage>();
    try {
      XMLStreamReader r = Xml.reader(content);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("component")) {
          String group = Xml.attribute(r, "group");
          String name = Xml.attribute(r, "name");
          String version = Xml.attribute(r, "version");
          if (!group.isEmpty() && !name.isEmpty() && !version.isEmpty()) {
            out.add(Packages.of("Maven", group + ":" + name, version, Scope.RUNTIME, null, path,
                r.getLocation().getLineNumber()));
          }
        }
      }
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid XML: " + Texts.reason(e));
    }
    return ParseResult.of(Packages.dedupe(out));
  }
}
