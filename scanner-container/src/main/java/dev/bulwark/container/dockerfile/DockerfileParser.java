package dev.bulwark.container.dockerfile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.container.check.ConfigParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses Dockerfile syntax as BuildKit does: the {@code # escape=} parser directive, line
 * continuations (comment and blank lines inside them are dropped), JSON (exec) and shell forms,
 * {@code --flag=value} options, here-documents ({@code RUN <<EOF}) and multi-stage builds.
 */
public final class DockerfileParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)\\s*$");
  private static final Pattern HEREDOC = Pattern.compile("<<-?[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");
  private static final Pattern FLAG = Pattern.compile("^--([a-zA-Z-]+)(?:=(\\S*))?\\s*");
  private static final Pattern FROM = Pattern.compile("^(\\S+)(?:\\s+[aA][sS]\\s+(\\S+))?\\s*$");

  private DockerfileParser() {}

  public static Dockerfile parse(String text) throws ConfigParseException {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    char escape = '\\';
    int i = 0;
    // Parser directives: only at the very top, before any other line.
    while (i < lines.length) {
      var m = DIRECTIVE.matcher(lines[i]);
      if (!m.matches()) {
        break;
      }
      if (m.group(1).equalsIgnoreCase("escape") && m.group(2).length() == 1) {
        escape = m.group(2).charAt(0);
      }
      i++;
    }
    var instructions = new ArrayList<Instruction>();
    var stages = new ArrayList<Dockerfile.Stage>();
    var stageBodies = new ArrayList<List<Instruction>>();
    int stage = -1;
    while (i < lines.length) {
      String first = lines[i];
      String trimmed = first.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        i++;
        continue;
      }
      int start = i;
      var joined = new StringBuilder();
      String current = first;
      while (true) {
        String body = stripTrailing(current);
        if (!body.isEmpty() && body.charAt(body.length() - 1) == escape) {
          joined.append(body, 0, body.length() - 1).append(' ');
          i++;
          // Skip comment and empty lines inside a continuation, as Docker does.
          while (i < lines.length && (lines[i].strip().startsWith("#") || lines[i].isBlank())) {
            i++;
          }
          if (i >= lines.length) {
            break;
          }
          current = lines[i];
        } else {
          joined.append(current);
          break;
        }
      }
      String logical = joined.toString().strip();
      var heredoc = HEREDOC.matcher(logical);
      if (heredoc.find()) {
        String end = heredoc.group(1);
        var doc = new StringBuilder(logical);
        while (i + 1 < lines.length && !lines[i + 1].strip().equals(end)) {
          doc.append('\n').append(lines[++i]);
        }
        i++;
        logical = doc.toString();
      }
      int end = Math.min(i, lines.length - 1);
      i++;
      String[] kv = logical.split("\\s+", 2);
      String keyword = kv[0].toUpperCase(Locale.ROOT);
      if (!keyword.matches("[A-Z]+")) {
        throw new ConfigParseException("line " + (start + 1) + ": not a Dockerfile instruction: " + trimmed);
      }
      String rest = kv.length > 1 ? kv[1].strip() : "";
      var flags = new LinkedHashMap<String, String>();
      var fm = FLAG.matcher(rest);
      while (fm.find()) {
        flags.put(fm.group(1).toLowerCase(Locale.ROOT), fm.group(2) == null ? "" : fm.group(2));
        rest = rest.substring(fm.end());
        fm = FLAG.matcher(rest);
      }
      if (keyword.equals("FROM")) {
        stage++;
        stageBodies.add(new ArrayList<>());
      } else if (stage < 0 && !keyword.equals("ARG")) {
        throw new ConfigParseException("line " + (start + 1) + ": " + keyword + " before the first FROM");
      }
      var instruction = new Instruction(keyword, Map.copyOf(flags), rest, jsonForm(rest), start + 1, end + 1,
          Math.max(stage, 0), first.strip());
      instructions.add(instruction);
      if (stage >= 0) {
        stageBodies.get(stage).add(instruction);
      }
      if (keyword.equals("FROM")) {
        var from = FROM.matcher(rest);
        if (!from.matches()) {
          throw new ConfigParseException("line " + (start + 1) + ": malformed FROM: " + trimmed);
        }
        stages.add(new Dockerfile.Stage(stage, instruction, from.group(1),
            from.group(2) == null ? "" : from.group(2), stageBodies.get(stage)));
      }
    }
    if (stages.isEmpty()) {
      throw new ConfigParseException("no FROM instruction");
    }
    return new Dockerfile(List.copyOf(instructions), List.copyOf(stages));
  }

  private static Optional<List<String>> jsonForm(String rest) {
    if (!rest.startsWith("[")) {
      return Optional.empty();
    }
    try {
      return Optional.of(List.copyOf(JSON.readValue(rest, new TypeReference<List<String>>() {})));
    } catch (Exception e) {
      return Optional.empty(); // Docker falls back to the shell form too
    }
  }

  private static String stripTrailing(String s) {
    return s.stripTrailing();
  }
}
