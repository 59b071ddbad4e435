package dev.bulwark.gate.policy.file;

import dev.bulwark.gate.risk.Exposure;
import dev.bulwark.gate.suppression.Suppression;
import dev.bulwark.v1.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed policy: the repository's {@code .bulwark.yaml}, a file of {@code examples/policies},
 * or the built-in default (an empty file).
 *
 * <pre>
 * failOn:                      # the severity rule (omit for the default: HIGH, [RUNTIME], onlyNew false)
 *   severity: MEDIUM
 *   scopes: [RUNTIME, DEV]
 *   onlyNew: true
 * failOnScannerStatus: DEGRADED  # or FAILED (default); FAILED is always an ERROR
 * suppressions:
 *   - fingerprint: 1f2e...     # and/or rule, path (glob), package ({ecosystem, name} or a purl), advisory
 *     reason: "false positive: constant input"   # required
 *     expires: 2026-12-31                        # required, ISO date, at most one year ahead
 * exposure: internet-facing    # or internal; a risk factor (see RiskScore)
 * repo:                        # central policy only: what a repository's policy may do (see RepoGrant)
 *   allow: tighten             # or none
 *   suppressions: allow        # or none
 * lists:                       # named string lists, visible to rules as lists.NAME
 *   kev: [CVE-2021-44228]
 * rules:                       # CEL rules; when present they replace the severity and secret rules
 *   - name: no-secrets
 *     expr: finding.is_secret
 *     action: deny             # or warn
 *     message: "committed secret"
 *     on: finding              # (default) once per unsuppressed finding; or scan, once per scan
 * </pre>
 *
 * @param path                 where it came from, for messages
 * @param thresholds           the severity rule
 * @param secretsRule          whether the built-in committed-secret rule applies (false when rules are given)
 * @param suppressions         suppressions that are valid today
 * @param ignoredSuppressions  one line per suppression not applied (expired, reason-less, malformed)
 * @param rules                CEL rules as written
 * @param lists                named lists for rules
 * @param version              hash of the policy text and the gate's rule versions
 * @param exposure             how reachable the project is ({@code exposure:}), a risk factor
 * @param declared             the top-level keys the file sets, so layering knows what a repository asked for
 * @param repo                 what this file, as a central policy, lets a repository's policy do
 */
public record PolicyFile(String path, Thresholds thresholds, boolean secretsRule, List<Suppression> suppressions,
    List<String> ignoredSuppressions, List<RuleSpec> rules, Map<String, List<String>> lists, String version,
    Exposure exposure, Set<String> declared, RepoGrant repo) {

  public PolicyFile {
    declared = Set.copyOf(declared);
    suppressions = List.copyOf(suppressions);
    ignoredSuppressions = List.copyOf(ignoredSuppressions);
    rules = List.copyOf(rules);
    lists = Map.copyOf(lists);
  }

  /** This file with further suppressions (central ones): valid ones applied after its own, ignored ones reported. */
  public PolicyFile withSuppressions(List<Suppression> valid, List<String> ignored) {
    var all = new ArrayList<>(suppressions);
    all.addAll(valid);
    var allIgnored = new ArrayList<>(ignoredSuppressions);
    allIgnored.addAll(ignored);
    return new PolicyFile(path, thresholds, secretsRule, all, allIgnored, rules, lists, version, exposure, declared,
        repo);
  }

  /** The suppression matching a finding, when one does. */
  public Optional<Suppression> suppressionFor(Finding f) {
    return suppressions.stream().filter(s -> s.matches(f)).findFirst();
  }
}
