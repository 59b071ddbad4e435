package dev.bulwark.advisories.intel;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The published feeds' CSV (RFC 4180, read with Apache Commons CSV): comma-separated,
 * double-quoted fields may hold commas, quotes ({@code ""}) and line breaks; lines starting with
 * {@code #} (EPSS's {@code #model_version} line) are comments; a leading byte-order mark and
 * empty lines are ignored. Shared by the KEV and EPSS parsers.
 */
final class Csv {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setCommentMarker('#')
      .setIgnoreEmptyLines(true)
      .get();

  private Csv() {}

  /** Every record, the header first; IllegalArgumentException for text that is not CSV (an unclosed quote). */
  static List<List<String>> parse(String text, String source) {
    var rows = new ArrayList<List<String>>();
    try (var parser = FORMAT.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
      for (CSVRecord r : parser) {
        rows.add(r.toList());
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new IllegalArgumentException(source + ": malformed CSV: " + e.getMessage(), e);
    }
    return rows;
  }

  /** Index of a header column, or -1. */
  static int column(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
