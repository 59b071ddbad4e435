package dev.bulwark.advisories.advisory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * OSV data served over HTTP(S), e.g. OSV's public per-ecosystem export
 * {@code https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip}. The file is downloaded
 * into a folder ({@link ResumableDownload}: an interrupted download resumes), then read like a
 * local file by {@link LocalOsvSource}.
 */
public final class UrlOsvSource implements OsvSource {
  private final ResumableDownload download;
  private final URI url;

  public UrlOsvSource(URI url, Path downloads, Consumer<ResumableDownload.Progress> progress) {
    this.download = new ResumableDownload(url, downloads, progress);
    this.url = url;
  }

  @Override
  public String describe() {
    return url.toString();
  }

  @Override
  public void read(RecordSink sink, List<String> problems) throws IOException {
    new LocalOsvSource(download()).read(sink, problems);
  }

  /** Downloads (or finishes downloading) the file; returns where it is. */
  public Path download() throws IOException {
    return download.download();
  }
}
