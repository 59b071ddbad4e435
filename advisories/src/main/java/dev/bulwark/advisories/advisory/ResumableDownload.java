package dev.bulwark.advisories.advisory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * One file over HTTP(S) into a local folder: written to {@code <name>.part} and renamed when
 * complete, so an interrupted download resumes with a {@code Range} request on the next run and a
 * half-written file is never read. Used for OSV exports and the KEV/EPSS feeds.
 */
public final class ResumableDownload {
  /** How far a download has come; {@code total} is -1 when the server does not say. */
  public record Progress(URI url, long received, long total) {}

  private final URI url;
  private final Path downloads;
  private final Consumer<Progress> progress;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(20)).build();

  public ResumableDownload(URI url, Path downloads, Consumer<Progress> progress) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    this.url = url;
    this.downloads = downloads;
    this.progress = progress;
  }

  /** True for text that names an http(s) URL rather than a local path. */
  public static boolean isUrl(String source) {
    return source.startsWith("http://") || source.startsWith("https://");
  }

  /** Downloads (or finishes downloading) the file; returns where it is. */
  public Path download() throws IOException {
    Files.createDirectories(downloads);
    String name = Path.of(url.getPath().isEmpty() ? "/osv.zip" : url.getPath()).getFileName().toString();
    String key = HexFormat.of().formatHex(url.toString().getBytes(StandardCharsets.UTF_8))
        .substring(0, Math.min(16, url.toString().length() * 2));
    Path target = downloads.resolve(key + "-" + name);
    Path part = downloads.resolve(key + "-" + name + ".part");
    long have = Files.exists(part) ? Files.size(part) : 0;
    var request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30)).GET();
    if (have > 0) {
      request.header("Range", "bytes=" + have + "-");
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download of " + url + " interrupted", e);
    }
    int status = response.statusCode();
    boolean resumed = status == 206;
    if (status == 416 && have > 0) { // the part file is already complete
      response.body().close();
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    }
    if (status != 200 && !resumed) {
      response.body().close();
      throw new IOException("download of " + url + " failed: HTTP " + status);
    }
    long received = resumed ? have : 0;
    long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    total = total < 0 ? -1 : total + received;
    try (InputStream in = response.body();
         OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
             resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buf = new byte[64 * 1024];
      long lastReport = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        received += n;
        if (received - lastReport >= 1 << 20) {
          progress.accept(new Progress(url, received, total));
          lastReport = received;
        }
      }
    }
    if (total >= 0 && received != total) {
      throw new IOException("download of " + url + " ended after " + received + " of " + total
          + " bytes; run again to resume");
    }
    progress.accept(new Progress(url, received, total));
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }
}
