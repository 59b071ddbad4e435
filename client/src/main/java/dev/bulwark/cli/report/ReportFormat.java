package dev.bulwark.cli.report;

import dev.bulwark.v1.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ways {@code bulwark scan} can print a result. {@link #ALL} is the registry of formats:
 * adding a format is one writer class and one line here.
 *
 * <p>A class rather than an enum because format names carry dashes ({@code gitlab-sast});
 * {@link #valueOf(String)} keeps the enum's lookup contract (case-insensitive here, '_' and '-'
 * alike, {@link IllegalArgumentException} for an unknown name).
 */
public final class ReportFormat {
  public static final ReportFormat TABLE = new ReportFormat("table", new TableReport());
  public static final ReportFormat JSON = new ReportFormat("json", new JsonReport());
  public static final ReportFormat SARIF = new ReportFormat("sarif", new SarifReport());
  public static final ReportFormat JUNIT = new ReportFormat("junit", new JunitReport());
  public static final ReportFormat GITLAB_SAST = new ReportFormat("gitlab-sast", new GitLabSastReport());
  public static final ReportFormat GITLAB_DEPENDENCY_SCANNING =
      new ReportFormat("gitlab-dependency-scanning", new GitLabDependencyScanningReport());
  public static final ReportFormat CYCLONEDX = new ReportFormat("cyclonedx", new CycloneDxReport());

  /** Every format, in the order help texts list them. */
  public static final List<ReportFormat> ALL =
      List.of(TABLE, JSON, SARIF, JUNIT, GITLAB_SAST, GITLAB_DEPENDENCY_SCANNING, CYCLONEDX);

  private final String name;
  private final ReportWriter writer;

  private ReportFormat(String name, ReportWriter writer) {
    this.name = name;
    this.writer = writer;
  }

  /** The format called {@code name} ("sarif", "GITLAB_SAST", "gitlab-sast" ...). */
  public static ReportFormat valueOf(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return ALL.stream().filter(f -> f.name.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + name + "': use "
            + String.join(", ", names())));
  }

  /** The names users type after {@code --format}. */
  public static List<String> names() {
    return ALL.stream().map(ReportFormat::name).toList();
  }

  /** The name users type after {@code --format}, e.g. "gitlab-sast". */
  public String name() {
    return name;
  }

  public void write(ScanResult result, Writer out) throws IOException {
    writer.write(result, out);
  }

  /** As {@link #write(ScanResult, Writer)}, with the scanned folder for formats that quote it (SARIF fixes). */
  public void write(ScanResult result, Writer out, Optional<Path> sourceRoot) throws IOException {
    writer.write(result, out, sourceRoot);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Renders a scan result for people or tools. */
  interface ReportWriter {
    void write(ScanResult result, Writer out) throws IOException;

    /** With the scanned folder at hand; most formats do not need it. */
    default void write(ScanResult result, Writer out, Optional<Path> sourceRoot) throws IOException {
      write(result, out);
    }
  }
}
