package dev.bulwark.cli.report;

import dev.bulwark.v1.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** The ways {@code bulwark scan} can print a result (the registry of formats). */
public enum ReportFormat {
  TABLE(new TableReport()),
  JSON(new JsonReport()),
  SARIF(new SarifReport());

  private final ReportWriter writer;

  ReportFormat(ReportWriter writer) {
    this.writer = writer;
  }

  public void write(ScanResult result, Writer out) throws IOException {
    writer.write(result, out);
  }

  /** Renders a scan result for people or tools. */
  interface ReportWriter {
    void write(ScanResult result, Writer out) throws IOException;
  }
}
