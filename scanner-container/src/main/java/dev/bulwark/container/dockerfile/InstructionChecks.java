package dev.bulwark.container.dockerfile;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.v1.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on EXPOSE, ADD, COPY, ENV and ARG instructions. */
public final class InstructionChecks implements CheckFamily<Dockerfile> {
  static final CheckSpec SSH_PORT = new CheckSpec("DS-0004", "Port 22 exposed", Severity.MEDIUM,
      "Exposing SSH (port 22) lets anyone who reaches the container try to log in to it.",
      "Remove 'EXPOSE 22'; use 'docker exec' or 'kubectl exec' for access.");
  static final CheckSpec ADD_NOT_COPY = new CheckSpec("DS-0005", "ADD instead of COPY", Severity.LOW,
      "ADD also fetches URLs and unpacks archives; for plain files COPY says what happens.",
      "Use COPY for local files and directories.");
  static final CheckSpec ADD_URL = new CheckSpec("bulwark.dockerfile.add-remote-url", "ADD of a remote URL",
      Severity.MEDIUM,
      "ADD <url> downloads at build time without any integrity check: whoever controls the server or the network controls the image.",
      "Download with curl/wget and verify a checksum, or use 'ADD --checksum=sha256:<digest> <url>'.");
  static final CheckSpec SECRETS = new CheckSpec("DS-0031", "Secrets passed via build-args or envs or copied secret files",
      Severity.CRITICAL,
      "Values set with ENV or ARG and copied key files are stored in the image and its history, readable by anyone who can pull it.",
      "Pass secrets at run time or with 'RUN --mount=type=secret'; never bake them into the image.");

  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i).*(secret|passw(or)?d|passwd|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth[_-]?key).*");
  private static final Pattern SECRET_FILE = Pattern.compile(
      "(?i)(^|/)(id_rsa|id_dsa|id_ecdsa|id_ed25519|\\.env|credentials|\\.npmrc|\\.pypirc|\\.netrc|[^/]*\\.pem|[^/]*\\.key)$");
  private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S*)");
  private static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(tar|tar\\.gz|tgz|tar\\.bz2|tbz2?|tar\\.xz|txz|gz|bz2|xz|zst)$");

  @Override
  public String name() {
    return "dockerfile-instruction";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(SSH_PORT, ADD_NOT_COPY, ADD_URL, SECRETS);
  }

  @Override
  public List<CheckSpec.Hit> check(Dockerfile df) {
    var hits = new ArrayList<CheckSpec.Hit>();
    for (var in : df.instructions()) {
      switch (in.keyword()) {
        case "EXPOSE" -> {
          for (String port : in.words()) {
            if (port.split("/")[0].equals("22")) {
              hits.add(SSH_PORT.at(in.line(), in.text(), "EXPOSE publishes port " + port));
            }
          }
        }
        case "ADD", "COPY" -> addOrCopy(in, hits);
        case "ENV", "ARG" -> secrets(in, hits);
        default -> { }
      }
    }
    return hits;
  }

  private static void addOrCopy(Instruction in, List<CheckSpec.Hit> hits) {
    var words = in.words();
    var sources = words.subList(0, Math.max(0, words.size() - 1));
    if (in.is("ADD")) {
      for (String src : sources) {
        String lower = src.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("git@")) {
          if (!in.flags().containsKey("checksum")) {
            hits.add(ADD_URL.at(in.line(), in.text(), "ADD downloads " + src));
          }
        } else if (!ARCHIVE.matcher(lower).matches()) {
          hits.add(ADD_NOT_COPY.at(in.line(), in.text(), "ADD copies the local path " + src));
        }
      }
    }
    if (!in.flags().containsKey("from")) {
      for (String src : sources) {
        if (SECRET_FILE.matcher(src).find()) {
          hits.add(SECRETS.at(in.line(), in.text(), in.keyword() + " copies the secret file " + src + " into the image"));
        }
      }
    }
  }

  private static void secrets(Instruction in, List<CheckSpec.Hit> hits) {
    String args = in.arguments();
    var pairs = new ArrayList<String[]>();
    Matcher m = ENV_PAIR.matcher(args);
    boolean keyValueForm = args.matches("^[A-Za-z_][A-Za-z0-9_.-]*=.*");
    if (keyValueForm) {
      while (m.find()) {
        pairs.add(new String[] {m.group(1), m.group(2)});
      }
    } else if (in.is("ENV")) {
      String[] kv = args.split("\\s+", 2); // legacy form: ENV KEY value with spaces
      pairs.add(new String[] {kv[0], kv.length > 1 ? kv[1] : ""});
    }
    for (String[] kv : pairs) {
      String value = kv[1].replaceAll("^[\"']|[\"']$", "");
      // NAME_FILE / NAME_PATH point at a secret mounted at run time: the right way to do it.
      boolean reference = kv[0].matches("(?i).*_(FILE|PATH|DIR|LENGTH)$") || value.startsWith("$");
      if (SECRET_NAME.matcher(kv[0]).matches() && !value.isBlank() && !reference) {
        String redacted = in.text().replace(value, "****");
        hits.add(SECRETS.at(in.line(), redacted, in.keyword() + " sets the secret-looking variable " + kv[0]
            + " to a literal value"));
      }
    }
  }
}
