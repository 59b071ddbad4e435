package dev.bulwark.sast.secrets;

import dev.bulwark.sast.secrets.precision.Checksums;
import dev.bulwark.sast.secrets.precision.Entropy;
import dev.bulwark.sast.secrets.precision.NotSecrets;
import dev.bulwark.sast.secrets.precision.PathKind;
import dev.bulwark.sast.secrets.precision.Placeholders;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The precision judgements on one match: whether it is a secret at all, and if so how sure we are
 * and why. Every judgement that applied is named in the finding, so a reader can see why it was
 * reported at that severity and confidence.
 */
public final class Judge {
  /** Generic values must look at least this random, relative to a random string of their alphabet. */
  static final double GENERIC_RANDOMNESS = 0.75;
  /** Hosts reserved for documentation (RFC 2606): credentials in their URLs are examples. */
  private static final Pattern DOCUMENTATION = Pattern.compile(
      "(?i)[@/.](?:example\\.(?:com|org|net)|[\\w-]+\\.(?:example|invalid|test))(?![\\w.-])");

  private Judge() {}

  /** A match that is reported: its severity, confidence and the judgements behind them. */
  public record Verdict(Severity severity, Confidence confidence, List<String> judgements, boolean lowConfidenceTest) {}

  /**
   * Judges the secret a rule matched in a file.
   *
   * @param name  the name the value is assigned to, when the rule captures one ("" otherwise)
   * @param match the whole text the rule matched (a URL's host is judged there)
   * @return empty when the value is not a secret after all
   */
  public static Optional<Verdict> judge(SecretRule rule, String secret, String name, String match, String path) {
    if (Placeholders.isPlaceholder(secret) || rule.allowed(secret) || DOCUMENTATION.matcher(match).find()) {
      return Optional.empty();
    }
    double entropy = Entropy.shannon(secret);
    if (entropy < rule.entropy()) {
      return Optional.empty();
    }
    var notes = new ArrayList<String>();
    Confidence confidence;
    Severity severity = rule.severity();
    switch (rule.kind()) {
      case TOKEN -> {
        confidence = Confidence.CONFIDENCE_HIGH;
        notes.add("the " + rule.provider() + " token format");
      }
      case CONTEXT -> {
        confidence = Confidence.CONFIDENCE_MEDIUM;
        notes.add("a value of the " + rule.provider() + " format assigned to a name that mentions "
            + rule.provider());
      }
      default -> {
        if (NotSecrets.why(secret, name).isPresent()) {
          return Optional.empty();
        }
        double randomness = Entropy.randomness(secret);
        if (randomness < GENERIC_RANDOMNESS) {
          return Optional.empty();
        }
        confidence = Confidence.CONFIDENCE_MEDIUM;
        notes.add(String.format(Locale.ROOT, "no provider format: judged by its name%s and its randomness"
            + " (%.0f%% of a random %s string of its length)", name.isEmpty() ? "" : " (" + name + ")",
            randomness * 100, Entropy.Alphabet.of(secret).name().toLowerCase(Locale.ROOT)));
      }
    }
    notes.add(String.format(Locale.ROOT, "entropy %.2f bits/character%s", entropy,
        rule.entropy() > 0 ? String.format(Locale.ROOT, " (rule minimum %.1f)", rule.entropy()) : ""));
    if (!rule.checksum().isEmpty()) {
      if (Checksums.valid(rule.checksum(), secret)) {
        notes.add("its " + rule.checksum() + " checksum is valid: a real credential, not a made-up example");
      } else {
        confidence = Confidence.CONFIDENCE_MEDIUM;
        notes.add("its " + rule.checksum() + " checksum does not match: it may be a made-up example");
      }
    }
    boolean lowTest = false;
    var kind = PathKind.of(path);
    if (kind.isPresent()) {
      if (rule.generic()) {
        confidence = Confidence.CONFIDENCE_LOW;
        severity = Severity.LOW;
        lowTest = true;
        notes.add("in " + kind.get() + ": LOW confidence and severity (the default policy does not fail on"
            + " generic matches in test, fixture and example files)");
      } else {
        confidence = Confidence.CONFIDENCE_MEDIUM;
        notes.add("in " + kind.get() + ": confidence lowered, still a " + rule.provider() + " credential");
      }
    }
    return Optional.of(new Verdict(severity, confidence, List.copyOf(notes), lowTest));
  }
}
