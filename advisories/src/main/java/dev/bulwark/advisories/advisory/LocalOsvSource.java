package dev.bulwark.advisories.advisory;

import dev.bulwark.advisories.advisory.secdb.AlpineSecdbSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * OSV data on disk in OSV's export layout: a zip of {@code <ID>.json} files (as
 * {@code <Ecosystem>/all.zip}), a folder of such zips, a folder of {@code .json} records (nested
 * folders allowed), or a single record file. Alpine secdb documents ({@code .yaml} or vuln-list
 * {@code .json}, see {@link AlpineSecdbSource}) met on the way are converted to OSV records, so
 * {@code bulwark db update --source <alpine-secdb folder>} imports them too.
 */
public record LocalOsvSource(Path path) implements OsvSource {

  @Override
  public String describe() {
    return path.toString();
  }

  @Override
  public void read(RecordSink sink, List<String> problems) throws IOException {
    if (!Files.exists(path)) {
      throw new IOException("OSV source not found: " + path);
    }
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        readFile(f, sink, problems);
      }
    } else {
      readFile(path, sink, problems);
    }
  }

  private static void readFile(Path f, RecordSink sink, List<String> problems) {
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".zip")) {
        readZip(f, sink);
      } else if (AlpineSecdbSource.isCandidate(f)) {
        byte[] bytes = Files.readAllBytes(f);
        if (AlpineSecdbSource.isSecdb(bytes)) {
          AlpineSecdbSource.convert(f.toString(), bytes, sink, problems);
        } else if (name.endsWith(".json")) {
          sink.accept(f.toString(), bytes);
        }
      }
    } catch (IOException e) {
      problems.add(f + ": unreadable: " + e.getMessage());
    }
  }

  private static void readZip(Path zip, RecordSink sink) throws IOException {
    byte[] magic = new byte[4];
    try (InputStream head = Files.newInputStream(zip)) {
      if (head.readNBytes(magic, 0, 4) < 4 || magic[0] != 'P' || magic[1] != 'K') {
        throw new IOException("not a zip archive");
      }
    }
    try (InputStream in = Files.newInputStream(zip); var zin = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
          sink.accept(zip.getFileName() + "!" + e.getName(), zin.readAllBytes());
        }
      }
    }
  }
}
