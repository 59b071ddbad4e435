package dev.bulwark.sca;

import dev.bulwark.sca.advisory.OsvRecord;
import dev.bulwark.sca.advisory.Vulnerability;
import dev.bulwark.sca.inventory.InstalledPackage;
import dev.bulwark.v1.Advisory;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.Severity;
import java.util.LinkedHashSet;

/** Turns one vulnerability of one installed package into the wire's {@link Finding}. */
final class FindingFactory {
  static final String ANALYZER = "osv-matcher";
  static final String ANALYZER_VERSION = "1";
  private static final int MAX_DESCRIPTION = 4000;
  private static final int MAX_REFERENCES = 10;

  private FindingFactory() {}

  static Finding finding(InstalledPackage p, Vulnerability v) {
    OsvRecord first = v.records().get(0);
    String summary = v.records().stream().map(OsvRecord::summary)
        .filter(s -> s != null && !s.isBlank()).findFirst().orElse(v.id());
    String details = first.details() == null ? summary : first.details();
    var refs = new LinkedHashSet<String>();
    v.records().forEach(r -> r.references().forEach(ref -> {
      if (ref.url() != null && refs.size() < MAX_REFERENCES) {
        refs.add(ref.url());
      }
    }));
    var pkg = Package.newBuilder()
        .setEcosystem(p.ecosystem())
        .setName(p.name())
        .setVersion(p.version())
        .setScope(p.scope() == null ? Scope.RUNTIME : p.scope())
        .setDirect(Boolean.TRUE.equals(p.direct()))
        .setDirectKnown(p.direct() != null)
        .addAllFixedVersions(v.fixedVersions())
        .setPurl(p.purl() == null ? "" : p.purl())
        .setManifestPath(p.manifestPath() == null ? "" : p.manifestPath());
    var location = Location.newBuilder()
        .setPath(p.manifestPath() == null ? "" : p.manifestPath())
        .setStartLine(Math.max(0, p.line()))
        .setEndLine(Math.max(0, p.line()));
    return Finding.newBuilder()
        .setRuleId(v.id())
        .setTitle(p.name() + " " + p.version() + ": " + summary)
        .setDescription(details.length() > MAX_DESCRIPTION ? details.substring(0, MAX_DESCRIPTION) + "…" : details)
        .setSeverity(v.severity() == Severity.SEVERITY_UNSPECIFIED ? Severity.MEDIUM : v.severity())
        .setCvssVector(v.cvssVector())
        .setCvssScore(v.cvssScore())
        .addAllCwe(v.cwes())
        .setLocation(location)
        .setPackage(pkg)
        .setAdvisory(Advisory.newBuilder().setId(v.id()).addAllAliases(v.aliases()).addAllReferences(refs))
        .setConfidence(Confidence.CONFIDENCE_HIGH)
        .setAnalyzer(ANALYZER + "@" + ANALYZER_VERSION)
        .setRemediation(v.fixedVersions().isEmpty() ? "no fixed version is published; consider replacing "
            + p.name() : "upgrade to " + v.fixedVersions().get(0))
        .build();
  }
}
