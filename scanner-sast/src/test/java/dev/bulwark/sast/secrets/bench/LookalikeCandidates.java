package dev.bulwark.sast.secrets.bench;

import dev.bulwark.common.cas.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Draws look-alike lines from real code for the labelled corpus: lines that name a credential-ish
 * word and assign it a long value mixing letters and digits (the shape every secret rule looks
 * for). Deterministic: the lines with the smallest SHA-256 of "path:line" are kept, so a rerun on
 * the same tree draws the same sample. Prints TSV rows (label "no", to be reviewed by hand).
 *
 * <p>{@code LookalikeCandidates SOURCE-NAME FOLDER COUNT}
 */
public final class LookalikeCandidates {
  private static final Pattern WORD = Pattern.compile(
      "(?i)key|token|secret|passw|pwd|auth|api|credential|access|private|session|bearer|sig");
  private static final Pattern VALUE = Pattern.compile(
      "[=:,(>]\\s*[\"'`]?([A-Za-z0-9+/=_.~-]{12,})");

  private LookalikeCandidates() {}

  record Candidate(String key, String path, String text) {}

  public static void main(String[] args) throws IOException {
    String source = args[0];
    Path root = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    var found = new ArrayList<Candidate>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(p -> {
        try {
          if (Files.size(p) > 2_000_000) {
            return;
          }
          String rel = root.relativize(p).toString().replace('\\', '/');
          String text = text(Files.readAllBytes(p));
          if (text == null) {
            return;
          }
          String[] lines = text.split("\n", -1);
          for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.length() > 300 || !WORD.matcher(l).find()) {
              continue;
            }
            var m = VALUE.matcher(l);
            while (m.find()) {
              String v = m.group(1);
              if (v.matches(".*[0-9].*") && v.matches(".*[A-Za-z].*")) {
                found.add(new Candidate(Digests.sha256Hex(rel + ":" + (i + 1)), rel + ":" + (i + 1), l));
                break;
              }
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    found.sort(Comparator.comparing(Candidate::key));
    for (Candidate c : found.subList(0, Math.min(count, found.size()))) {
      System.out.println("no\t" + source + "\t" + c.path() + "\t"
          + c.text().replace("\\", "\\\\").replace("\t", "\\t").replace("\r", ""));
    }
    System.err.println(source + ": " + found.size() + " candidate lines, " + Math.min(count, found.size()) + " kept");
  }

  private static String text(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

}
