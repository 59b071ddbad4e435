package dev.bulwark.sast.rules;

import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.core.Findings;
import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.DatabaseInfo;
import dev.bulwark.v1.Finding;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one language's YAML rule pack (JavaScript/TypeScript, Python, Go) on code whose comments
 * and string contents are blanked, examining call arguments for constants and request data.
 */
public final class PatternAnalyzer implements Analyzer {
  public static final String VERSION = "1";
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][\\w$]*");
  private static final Set<String> LITERAL_WORDS = Set.of("True", "False", "None", "true", "false", "null",
      "undefined", "nil", "this", "self");

  private final PatternPack pack;

  public PatternAnalyzer(PatternPack pack) {
    this.pack = pack;
  }

  public static PatternAnalyzer builtIn(String language) {
    return new PatternAnalyzer(PatternPack.builtIn(language));
  }

  public PatternPack pack() {
    return pack;
  }

  @Override
  public String name() {
    return pack.name();
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public boolean accepts(String path) {
    return pack.extensions().contains(SourceFile.extensionOf(path)) && !path.endsWith(".min.js");
  }

  @Override
  public List<DatabaseInfo> databases() {
    return List.of(DatabaseInfo.newBuilder().setName("rules:" + pack.name())
        .setVersion(pack.version() + "+" + pack.hash()).setRecords(pack.rules().size()).build());
  }

  @Override
  public void analyze(SourceFile file, Project project, Consumer<Finding> out) {
    String code = pack.masker().mask(file.text());
    LocalTaint taint = null; // built on the first match only: most files match no rule
    var reported = new HashSet<String>();
    for (PatternRule rule : pack.rules()) {
      if (!rule.mayMatch(code) || rule.requires() != null && !rule.requires().matcher(file.text()).find()) {
        continue;
      }
      Matcher m = rule.pattern().matcher(code);
      while (m.find()) {
        boolean call = m.end() > 0 && code.charAt(m.end() - 1) == '(';
        int close = call ? closingParen(code, m.end() - 1) : m.end();
        String rawArgs = call ? file.text().substring(m.end(), close) : "";
        String maskedArgs = call ? code.substring(m.end(), close) : "";
        if (rule.argsMatch() != null && !rule.argsMatch().matcher(rawArgs).find()
            || rule.argsNotMatch() != null && rule.argsNotMatch().matcher(rawArgs).find()) {
          continue;
        }
        String first = rule.allArguments() ? maskedArgs : firstArgument(maskedArgs);
        if (taint == null) {
          taint = new LocalTaint(pack, code);
        }
        boolean tainted = taint.isTainted(first, m.start());
        if (rule.require().equals("taint") && !tainted
            || rule.require().equals("nonConstant") && !nonConstant(first)) {
          continue;
        }
        int start = file.lineOf(m.start());
        if (reported.add(rule.id() + ":" + start)) {
          var info = new RuleInfo(rule.id(), rule.message(), rule.message(), rule.severity(), rule.cwe(),
              tainted ? Confidence.CONFIDENCE_HIGH : rule.confidence(), rule.remediation());
          int end = file.lineOf(Math.max(m.start(), close - 1));
          out.accept(Findings.at(info, id(), file, start, end, file.snippet(start, start)));
        }
      }
    }
  }

  /** Index of the parenthesis closing the one at {@code open} (or the end of the text). */
  static int closingParen(String code, int open) {
    int depth = 0;
    for (int i = open; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
        return i;
      }
    }
    return code.length();
  }

  /** The first top-level argument of a (masked) argument list. */
  static String firstArgument(String args) {
    int depth = 0;
    for (int i = 0; i < args.length(); i++) {
      char c = args.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        return args.substring(0, i);
      }
    }
    return args;
  }

  /** True when the (masked) argument uses a variable or an f-string, not only literals. */
  static boolean nonConstant(String arg) {
    Matcher m = IDENT.matcher(arg);
    while (m.find()) {
      String id = m.group();
      boolean prefix = m.end() < arg.length() && "\"'`".indexOf(arg.charAt(m.end())) >= 0;
      if (prefix) {
        if (id.toLowerCase(java.util.Locale.ROOT).contains("f")) {
          return true; // f-string: interpolates variables
        }
        continue; // r"", b"", u"" prefixes
      }
      boolean keyword = m.end() < arg.length() && arg.substring(m.end()).stripLeading().startsWith("=")
          && !arg.substring(m.end()).stripLeading().startsWith("==");
      if (!LITERAL_WORDS.contains(id) && !keyword && !Character.isDigit(id.charAt(0))) {
        return true;
      }
    }
    return false;
  }
}
