package dev.bulwark.sast.syntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where tree-sitter's JNI libraries are written before {@code System.load}. The binding
 * ({@code io.github.bonede:tree-sitter}) copies each library out of its jar into the folder named
 * by the system property {@code tree-sitter-lib}, or {@code ~/.tree-sitter} when that is unset,
 * which fails in a container whose root file system (and home) is read-only.
 *
 * <p>So the folder is chosen here, once per JVM, before the first grammar is touched:
 * <ol>
 *   <li>{@value #DIR_PROPERTY} (system property) or {@value #DIR_ENV} (environment), when set:
 *       an operator-provided writable folder (for example an {@code emptyDir} volume); created
 *       if missing and kept;</li>
 *   <li>otherwise a fresh folder only this process may read or write ({@code rwx------}) under
 *       {@code java.io.tmpdir}, deleted when the JVM exits. Being private to the process, no other
 *       user of a shared {@code /tmp} can plant a library there before it is loaded.</li>
 * </ol>
 * The folder must be on a file system mounted without {@code noexec}, since the libraries are
 * mapped executable.
 */
public final class NativeLibraries {
  public static final String DIR_PROPERTY = "bulwark.sast.nativeDir";
  public static final String DIR_ENV = "BULWARK_SAST_NATIVE_DIR";
  /** The binding's own setting, read by {@code org.treesitter.utils.NativeUtils}. */
  static final String BINDING_PROPERTY = "tree-sitter-lib";

  private static Path dir;

  private NativeLibraries() {}

  /** The extraction folder, chosen (and created) on the first call. */
  public static synchronized Path prepare() {
    if (dir == null) {
      dir = choose();
      System.setProperty(BINDING_PROPERTY, dir.toString());
    }
    return dir;
  }

  private static Path choose() {
    String configured = firstSet(System.getProperty(DIR_PROPERTY), System.getenv(DIR_ENV));
    try {
      if (configured != null) {
        return Files.createDirectories(Path.of(configured));
      }
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      Path own = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
          ? Files.createTempDirectory(tmp, "bulwark-tree-sitter-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
          : Files.createTempDirectory(tmp, "bulwark-tree-sitter-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(own), "tree-sitter-cleanup"));
      return own;
    } catch (IOException e) {
      throw new UncheckedIOException("no writable folder for tree-sitter's native libraries (set "
          + DIR_ENV + " or -D" + DIR_PROPERTY + "): " + e.getMessage(), e);
    }
  }

  private static String firstSet(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // best effort at exit
    }
  }
}
