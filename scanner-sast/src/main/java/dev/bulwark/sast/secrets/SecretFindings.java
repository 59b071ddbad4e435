package dev.bulwark.sast.secrets;

import dev.bulwark.sast.core.Findings;
import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Finding;
import java.util.Locale;

/** Builds the finding of a judged match: the secret redacted, the judgements in the description. */
final class SecretFindings {
  private SecretFindings() {}

  static Finding of(SecretRule rule, Judge.Verdict verdict, String analyzerId, SourceFile file, int[] lineStarts,
      int start, int end, String secret) {
    String text = file.text();
    int from = lineStarts[start - 1];
    int to = end < lineStarts.length ? lineStarts[end] : text.length();
    String raw = Redactor.redact(text.substring(from, to), secret);
    var shown = SourceFile.of(file.path(), raw).snippet(1, end - start + 1);
    String what = rule.title().toLowerCase(Locale.ROOT);
    var info = new RuleInfo(rule.id(), rule.title() + " committed in source",
        "A " + what + " is committed in " + file.path() + ": anyone who can read the repository can use it."
            + " Judgements: " + String.join("; ", verdict.judgements()) + ".",
        verdict.severity(), rule.cwe(), verdict.confidence(), rule.remediation());
    return Findings.at(info, analyzerId, file, start, end, shown);
  }
}
