package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.artifacts.EmbeddedPackageDatabase;
import dev.bulwark.artifacts.ExtractedRecord;
import dev.bulwark.artifacts.GoBinaries;
import dev.bulwark.artifacts.JavaArchives;
import dev.bulwark.artifacts.PackageDatabase;
import dev.bulwark.artifacts.PythonArchives;
import dev.bulwark.common.purl.PackageUrls;
import dev.bulwark.v1.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Built artifacts committed to the tree, read with the container scanner's analyzers (module
 * {@code artifacts}): jar/war/ear (Maven packages from {@code pom.properties}, nested archives
 * included; a manifest guess is LOW confidence), wheels and eggs (PyPI), Go executables (modules
 * and the standard library from the build information). Selected by name, size and file mode; a
 * file larger than {@link #MAX_BYTES} is named, not read.
 */
final class BinaryArtifacts {
  static final long MAX_BYTES = 256L * 1024 * 1024;
  static final List<EmbeddedPackageDatabase> DATABASES = List.of(new JavaArchives(), new PythonArchives(), new GoBinaries());

  private BinaryArtifacts() {}

  /** The analyzer for this file, by its path, size and Unix mode. */
  static Optional<EmbeddedPackageDatabase> analyzer(String path, long size, int mode) {
    if (path.contains("node_modules/") || path.startsWith(".git/")) {
      return Optional.empty();
    }
    return DATABASES.stream().filter(d -> d.examines(path, size, mode)).findFirst();
  }

  /** The packages inside one artifact, streamed from {@code content}, and what could not be read in it. */
  static ParseResult read(EmbeddedPackageDatabase db, String path, InputStream content, long size) {
    if (size > MAX_BYTES) {
      return ParseResult.broken(path, "larger than " + MAX_BYTES / (1024 * 1024) + " MiB, not read");
    }
    Optional<byte[]> record;
    try {
      record = db.extract(path, content, size);
    } catch (IOException e) {
      return ParseResult.broken(path, "unreadable: " + e.getMessage());
    }
    if (record.isEmpty()) {
      return ParseResult.of(List.of());
    }
    String ecosystem = db.ecosystem().orElseThrow();
    var packages = new ArrayList<InstalledPackage>();
    for (PackageDatabase.Entry e : ExtractedRecord.entries(record.get())) {
      String manifest = e.location().isEmpty() ? path : path + "!" + e.location();
      packages.add(new InstalledPackage(ecosystem, e.name(), e.version(), Scope.RUNTIME, null, manifest, 0,
          PackageUrls.of(ecosystem, e.name(), e.version()), List.of(), e.confidence()));
    }
    var problems = ExtractedRecord.problems(record.get()).stream().map(p -> path + ": " + p).toList();
    return new ParseResult(Packages.dedupe(packages), problems);
  }
}
