package dev.bulwark.artifacts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Writes real Java archives in memory with {@link JarOutputStream} (deflated entries with data
 * descriptors, as the jar tool writes them; stored entries as Spring Boot nests its jars), for tests.
 */
public final class JarBuilder {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final JarOutputStream jar;

  public JarBuilder() throws IOException {
    this(Map.of("Created-By", "17 (test)"));
  }

  /** An archive whose manifest has these main attributes. */
  public JarBuilder(Map<String, String> manifest) throws IOException {
    var m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
    jar = new JarOutputStream(bytes, m);
  }

  /** {@code META-INF/maven/g/a/pom.properties}, as Maven's archiver writes it. */
  public JarBuilder pom(String groupId, String artifactId, String version) throws IOException {
    return file("META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties",
        "#Created by Apache Maven 3.9.6\nversion=" + version + "\ngroupId=" + groupId + "\nartifactId=" + artifactId + "\n");
  }

  public JarBuilder file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  public JarBuilder file(String name, byte[] content) throws IOException {
    jar.putNextEntry(new ZipEntry(name));
    jar.write(content);
    jar.closeEntry();
    return this;
  }

  /** An uncompressed entry with its sizes in the local header (Spring Boot's BOOT-INF/lib). */
  public JarBuilder stored(String name, byte[] content) throws IOException {
    var e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(content.length);
    e.setCompressedSize(content.length);
    var crc = new CRC32();
    crc.update(content);
    e.setCrc(crc.getValue());
    jar.putNextEntry(e);
    jar.write(content);
    jar.closeEntry();
    return this;
  }

  /** A deflated entry of {@code size} zero bytes, written in chunks (a zip bomb). */
  public JarBuilder zeros(String name, long size) throws IOException {
    jar.putNextEntry(new ZipEntry(name));
    byte[] chunk = new byte[1 << 20];
    for (long left = size; left > 0; left -= chunk.length) {
      jar.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
    jar.closeEntry();
    return this;
  }

  public byte[] build() throws IOException {
    jar.close();
    return bytes.toByteArray();
  }
}
