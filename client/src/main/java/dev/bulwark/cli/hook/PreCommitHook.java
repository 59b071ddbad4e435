package dev.bulwark.cli.hook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The git pre-commit hook {@code bulwark hook install} writes: it runs {@code bulwark check --staged},
 * which analyses the staged content (exactly what the commit will contain) in-process, secrets and
 * the SAST rules with the scanners' own rule packs, decided by the gate's policy code (needs the
 * full distribution; the full scan stays in CI), and blocks the commit unless the verdict is PASS,
 * saying how to suppress a finding or skip the hook. With {@code BULWARK_GATEWAY} set (the thin
 * client, which has no in-process scanners), it exports the index and scans it through that gateway.
 */
public final class PreCommitHook {
  /** Marks a hook as bulwark's, so reinstalling replaces it and a foreign hook is left alone. */
  public static final String MARKER = "# bulwark-pre-commit-hook v1";

  private PreCommitHook() {}

  /** What {@link #install} did. */
  public enum Outcome { INSTALLED, UPDATED, REPLACED_FOREIGN }

  /** Thrown when a foreign hook is in the way and {@code force} was not given. */
  public static final class ForeignHookException extends Exception {
    public ForeignHookException(Path hook) {
      super("a pre-commit hook not written by bulwark already exists at " + hook
          + "; pass --force to replace it (it is kept as pre-commit.before-bulwark)");
    }
  }

  /**
   * The hook script.
   *
   * @param bulwark the command that runs the CLI, as words (e.g. the launcher's absolute path, or
   *                {@code java -jar /abs/bulwark.jar})
   */
  public static String script(List<String> bulwark) {
    String command = bulwark.stream().map(PreCommitHook::shellQuote).collect(Collectors.joining(" "));
    return """
        #!/usr/bin/env bash
        %s
        # Installed by `bulwark hook install`: checks the staged content in-process (`bulwark check
        # --staged`: secrets and SAST rules, the gate's policy) and blocks the commit unless the
        # verdict is PASS. Skip it once with `git commit --no-verify`.
        set -uo pipefail
        bulwark=(%s)

        root="$(git rev-parse --show-toplevel)" || exit 2
        project="${root##*/}"   # bash, not basename: every process the hook starts delays the commit
        branch="$(git symbolic-ref --short -q HEAD || echo HEAD)"

        # The index, not the working tree: what the commit will contain (GIT_INDEX_FILE is honoured).
        if [ -n "${BULWARK_GATEWAY:-}" ]; then
          # a thin client (bulwark-cli) scans the staged content through the gateway named by BULWARK_GATEWAY
          tmp="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-staged.XXXXXX")" || exit 2
          trap 'rm -rf "$tmp"' EXIT
          if ! (cd "$root" && git checkout-index --all --prefix="$tmp/$project/"); then
            echo "bulwark: cannot export the staged files; commit blocked" >&2
            exit 2
          fi
          mkdir -p "$tmp/$project"
          "${bulwark[@]}" scan "$tmp/$project" --project "$project" --branch "$branch" --gateway "$BULWARK_GATEWAY"
        else
          # the full distribution checks them in-process: no servers, no database, no token
          "${bulwark[@]}" check --staged --repo "$root" --project "$project" --branch "$branch"
        fi
        status=$?
        if [ "$status" -eq 0 ]; then
          exit 0
        fi
        if [ "$status" -eq 1 ]; then
          echo "bulwark: commit blocked: the staged changes FAIL the security gate (findings above)." >&2
        else
          echo "bulwark: commit blocked: the check ended in ERROR (exit $status), so the gate could not decide." >&2
        fi
        cat >&2 <<HELP
        To accept a finding, add a suppression to .bulwark.yaml (and stage it), e.g.
          suppressions:
            - rule: RULE_ID            # or fingerprint, path, package, advisory
              reason: why the risk is acceptable
              expires: YYYY-MM-DD      # at most a year ahead
        or ask for a central one: bulwark suppress add --project '$project' --rule RULE_ID --reason ... --expires ...
        To commit anyway (the CI gate still applies): git commit --no-verify
        HELP
        exit 1
        """.formatted(MARKER, command);
  }

  /**
   * Writes the hook to {@code hookFile}, executable. A hook already there is replaced when it is
   * bulwark's; a foreign one only with {@code force}, after copying it aside.
   */
  public static Outcome install(Path hookFile, List<String> bulwark, boolean force)
      throws IOException, ForeignHookException {
    Outcome outcome = Outcome.INSTALLED;
    if (Files.exists(hookFile)) {
      if (isOurs(hookFile)) {
        outcome = Outcome.UPDATED;
      } else if (!force) {
        throw new ForeignHookException(hookFile);
      } else {
        Files.copy(hookFile, hookFile.resolveSibling(hookFile.getFileName() + ".before-bulwark"),
            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        outcome = Outcome.REPLACED_FOREIGN;
      }
    }
    Files.createDirectories(hookFile.getParent());
    Files.writeString(hookFile, script(bulwark), StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(hookFile, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException notPosix) {
      if (!hookFile.toFile().setExecutable(true)) {
        throw new IOException("cannot make " + hookFile + " executable");
      }
    }
    return outcome;
  }

  static boolean isOurs(Path hookFile) throws IOException {
    try (var lines = Files.lines(hookFile, StandardCharsets.UTF_8)) {
      return lines.limit(5).anyMatch(MARKER::equals);
    } catch (java.io.UncheckedIOException e) {
      return false; // not text: certainly not ours
    }
  }

  /** Single-quoted for bash, so paths with spaces or quotes survive. */
  static String shellQuote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
