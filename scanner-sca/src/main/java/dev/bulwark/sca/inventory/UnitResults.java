package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.DeclaredPackage;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.UnitResult;
import java.util.List;

/**
 * Packages and parse results as the results cache keeps them ({@code bulwark.v1.UnitResult}), and
 * back, without loss: a replayed inventory equals the parsed one, field for field.
 */
public final class UnitResults {
  private UnitResults() {}

  public static DeclaredPackage declared(InstalledPackage p) {
    var pkg = Package.newBuilder()
        .setEcosystem(p.ecosystem())
        .setName(p.name())
        .setVersion(p.version())
        .setScope(p.scope() == null ? Scope.SCOPE_UNSPECIFIED : p.scope())
        .setDirect(Boolean.TRUE.equals(p.direct()))
        .setDirectKnown(p.direct() != null)
        .setPurl(p.purl() == null ? "" : p.purl())
        .setManifestPath(p.manifestPath() == null ? "" : p.manifestPath())
        .addAllPath(p.path());
    return DeclaredPackage.newBuilder().setPackage(pkg).setLine(p.line()).setConfidence(p.confidence()).build();
  }

  public static InstalledPackage installed(DeclaredPackage d) {
    Package p = d.getPackage();
    return new InstalledPackage(p.getEcosystem(), p.getName(), p.getVersion(),
        p.getScope() == Scope.SCOPE_UNSPECIFIED ? null : p.getScope(),
        p.getDirectKnown() ? Boolean.valueOf(p.getDirect()) : null,
        p.getManifestPath().isEmpty() ? null : p.getManifestPath(), d.getLine(),
        p.getPurl().isEmpty() ? null : p.getPurl(), List.copyOf(p.getPathList()),
        d.getConfidence() == Confidence.CONFIDENCE_UNSPECIFIED ? null : d.getConfidence());
  }

  /** A parse result to keep (the file counts as analysed). */
  public static UnitResult.Builder of(ParseResult r) {
    var unit = UnitResult.newBuilder().setAnalysed(true).addAllProblems(r.problems());
    r.packages().forEach(p -> unit.addPackages(declared(p)));
    return unit;
  }

  /** A kept parse result. */
  public static ParseResult parseResult(UnitResult unit) {
    return new ParseResult(unit.getPackagesList().stream().map(UnitResults::installed).toList(),
        List.copyOf(unit.getProblemsList()));
  }
}
