package dev.bulwark.sca.maven;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * The scanned tree's own Maven modules, the first place Maven looks for a parent or a
 * dependency: every {@code pom.xml} of the tree, written to a private folder with the tree's
 * relative paths (so {@code <relativePath>} works as on the developer's machine) and found by
 * coordinates. The folder is deleted on {@link #close()}.
 */
public final class Reactor implements WorkspaceReader, AutoCloseable {
  private final Path root;
  private final Map<String, Path> byPath = new LinkedHashMap<>();
  private final Map<String, Path> byCoordinates = new LinkedHashMap<>();
  private final WorkspaceRepository repository = new WorkspaceRepository("bulwark-reactor");

  private Reactor(Path root) {
    this.root = root;
  }

  /** The modules of a tree (relative path → bytes of each pom.xml). */
  public static Reactor of(Map<String, byte[]> poms) throws IOException {
    var reactor = new Reactor(Files.createTempDirectory("bulwark-reactor"));
    for (var e : poms.entrySet()) {
      Path file = reactor.root.resolve(e.getKey()).normalize();
      if (!file.startsWith(reactor.root)) {
        continue; // never outside the folder, whatever the path says
      }
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
      reactor.byPath.put(e.getKey(), file);
      coordinates(e.getValue()).ifPresent(c -> reactor.byCoordinates.putIfAbsent(c, file));
    }
    return reactor;
  }

  /** The module's pom file, by its path in the tree. */
  public Path pom(String relativePath) {
    return byPath.get(relativePath);
  }

  /** Whether groupId:artifactId names one of the tree's own modules. */
  public boolean isModule(String groupId, String artifactId) {
    return byCoordinates.keySet().stream().anyMatch(c -> c.startsWith(groupId + ":" + artifactId + ":"));
  }

  /** The tree path of a file written here (for messages), or the file name. */
  public String treePath(File file) {
    Path p = file.toPath().toAbsolutePath().normalize();
    return p.startsWith(root) ? root.relativize(p).toString().replace('\\', '/') : p.getFileName().toString();
  }

  private static java.util.Optional<String> coordinates(byte[] pom) {
    try {
      Model m = new MavenXpp3Reader().read(new ByteArrayInputStream(pom), false);
      String group = m.getGroupId() != null ? m.getGroupId() : m.getParent() != null ? m.getParent().getGroupId() : null;
      String version = m.getVersion() != null ? m.getVersion() : m.getParent() != null ? m.getParent().getVersion() : null;
      if (group == null || version == null || m.getArtifactId() == null) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(group + ":" + m.getArtifactId() + ":" + version);
    } catch (IOException | org.codehaus.plexus.util.xml.pull.XmlPullParserException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public WorkspaceRepository getRepository() {
    return repository;
  }

  @Override
  public File findArtifact(Artifact artifact) {
    if (!"pom".equals(artifact.getExtension())) {
      return null; // only POMs are needed to know the graph
    }
    Path pom = byCoordinates.get(artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion());
    return pom == null ? null : pom.toFile();
  }

  @Override
  public List<String> findVersions(Artifact artifact) {
    String prefix = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":";
    return byCoordinates.keySet().stream().filter(c -> c.startsWith(prefix))
        .map(c -> c.substring(prefix.length())).toList();
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
