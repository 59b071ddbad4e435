package dev.bulwark.gate.policy;

import dev.bulwark.gate.policy.file.IgnoreFile;
import dev.bulwark.gate.policy.file.PolicyException;
import dev.bulwark.gate.policy.file.PolicyFile;
import dev.bulwark.gate.policy.file.PolicyParser;
import dev.bulwark.gate.policy.file.RepoGrant;
import dev.bulwark.gate.suppression.Suppression;
import dev.bulwark.v1.AppliedPolicy;
import dev.bulwark.v1.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the policy of one evaluation from its layers, in order: the built-in default, the
 * project's central policy (stored by the gate), the repository's {@code .bulwark/policy.yaml} (or
 * legacy {@code .bulwark.yaml}) and its {@code .bulwarkignore.yaml}.
 *
 * <p>Without a central policy the repository's file replaces the default, as it always did. With
 * one, the central policy replaces the default and its {@code repo:} block ({@link RepoGrant})
 * says what the repository may add: under {@code tighten}, the repository's CEL rules are added
 * (a rule named like a central one is refused), and its {@code failOn}, {@code failOnScannerStatus}
 * and {@code exposure} count only where they are at least as strict; under {@code none} nothing of
 * the repository counts. Whatever is refused is ignored and reported as a {@code WARN policy}
 * line of the decision; a refused suppression as an {@code IGNORED} line. With
 * {@code repo.suppressUpTo}, a repository suppression does not reach more severe findings
 * ({@link Suppression.SeverityCap}); each finding it would have suppressed is reported.
 */
public final class PolicyLayers {
  /** Shown as the source of the built-in default. */
  public static final String DEFAULT_SOURCE = "(built-in default)";

  private PolicyLayers() {}

  /**
   * The layers' inputs.
   *
   * @param central       the project's central policy text and where it came from, when it has one
   * @param repoPolicy    the repository's policy text, blank for none
   * @param repoPath      where the repository's policy was read from
   * @param ignore        the repository's ignore file, parsed
   * @param ignoreVersion digest of the ignore file's text, empty for none
   */
  public record Inputs(Optional<Source> central, String repoPolicy, String repoPath, IgnoreFile ignore,
      String ignoreVersion) {}

  /** A policy text and the name messages use for it. */
  public record Source(String text, String name) {}

  /** The assembled policy; {@link PolicyException} when a layer that counts cannot be parsed or compiled. */
  public static PolicyResolution.Resolved resolve(Inputs in, LocalDate today) {
    var applied = new ArrayList<AppliedPolicy>();
    var def = PolicyParser.parse("", DEFAULT_SOURCE, today);
    applied.add(layer("default", def));
    var notes = new ArrayList<String>();
    Policy policy;
    if (in.central().isEmpty()) {
      PolicyFile file = def;
      if (!in.repoPolicy().isBlank()) {
        file = PolicyParser.parse(in.repoPolicy(), in.repoPath(), today);
        applied.add(layer("repo", file));
        if (file.declared().contains("repo")) {
          notes.add("WARN policy " + in.repoPath() + ": repo: only counts in a central policy; ignored");
        }
      }
      file = withIgnoreFile(file, in, applied, true, "", RepoGrant.NO_CENTRAL);
      var compiled = Policy.compile(file);
      policy = Policy.layered(compiled.file(), compiled.rules(), notes);
    } else {
      var source = in.central().get();
      var central = PolicyParser.parse(source.text(), source.name(), today);
      applied.add(layer("central", central));
      var base = Policy.compile(central);
      var grant = central.repo();
      var rules = new ArrayList<>(base.rules());
      var effective = central;
      // Why the repository's policy (allow: none) or its suppressions are not applied.
      var refusal = "the central policy " + (grant.allow() == RepoGrant.Allow.NONE
          ? "allows no repository policy (repo.allow: none)" : "lets no repository suppress (repo.suppressions: none)");
      boolean suppressionsAllowed = grant.allow() != RepoGrant.Allow.NONE && grant.suppressions();
      if (!in.repoPolicy().isBlank()) {
        if (grant.allow() == RepoGrant.Allow.NONE) {
          notes.add("WARN policy " + in.repoPath() + " ignored: " + refusal);
        } else {
          var repo = PolicyParser.parse(in.repoPolicy(), in.repoPath(), today);
          applied.add(layer("repo", repo));
          var tightened = Tightening.apply(central, base, repo);
          rules.addAll(tightened.rules());
          notes.addAll(tightened.refused());
          effective = tightened.effective();
          effective = suppressionsAllowed
              ? effective.withSuppressions(capped(repo.suppressions(), grant), repo.ignoredSuppressions())
              : effective.withSuppressions(List.of(), refused(repo.suppressions(), refusal));
        }
      }
      effective = withIgnoreFile(effective, in, applied, suppressionsAllowed, refusal, grant);
      policy = Policy.layered(effective, rules, notes);
    }
    String version = applied.size() == 1 ? applied.get(0).getVersion()
        : PolicyParser.hash(String.join("\0", applied.stream().map(a -> a.getLayer() + "=" + a.getVersion()).toList()));
    return new PolicyResolution.Resolved(policy, applied, version);
  }

  private static PolicyFile withIgnoreFile(PolicyFile file, Inputs in, List<AppliedPolicy> applied, boolean allowed,
      String refusal, RepoGrant grant) {
    var ignore = in.ignore();
    if (ignore.valid().isEmpty() && ignore.ignored().isEmpty()) {
      return file;
    }
    if (!allowed) {
      return file.withSuppressions(List.of(), refused(ignore.valid(), refusal));
    }
    applied.add(AppliedPolicy.newBuilder().setLayer("ignore").setSource(ignore.path())
        .setVersion(in.ignoreVersion()).build());
    return file.withSuppressions(capped(ignore.valid(), grant), ignore.ignored());
  }

  /** The repository's suppressions under the central policy's {@code suppressUpTo}. */
  private static List<Suppression> capped(List<Suppression> repo, RepoGrant grant) {
    if (grant.suppressUpTo() == Severity.CRITICAL) {
      return repo;
    }
    var cap = new Suppression.SeverityCap(grant.suppressUpTo());
    return repo.stream().map(s -> s.with(cap)).toList();
  }

  private static List<String> refused(List<Suppression> suppressions, String why) {
    return suppressions.stream().map(s -> "suppression " + s.describe() + " not applied: " + why).toList();
  }

  private static AppliedPolicy layer(String name, PolicyFile f) {
    return AppliedPolicy.newBuilder().setLayer(name).setSource(f.path()).setVersion(f.version()).build();
  }
}
