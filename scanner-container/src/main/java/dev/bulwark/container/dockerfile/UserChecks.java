package dev.bulwark.container.dockerfile;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.v1.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Who the final image runs as (DS-0002) and whether it says how to tell it is healthy (DS-0026). */
public final class UserChecks implements CheckFamily<Dockerfile> {
  static final CheckSpec ROOT = new CheckSpec("DS-0002", "Image user should not be 'root'", Severity.HIGH,
      "Running containers with the 'root' user can lead to a container escape. Run as a non-root user by adding a USER instruction.",
      "Add 'USER <non root user name>' to the final stage.");
  static final CheckSpec NO_HEALTHCHECK = new CheckSpec("DS-0026", "No HEALTHCHECK defined", Severity.LOW,
      "Without a HEALTHCHECK the runtime cannot tell a hung container from a healthy one.",
      "Add a HEALTHCHECK instruction to the final stage.");
  private static final Set<String> ROOT_NAMES = Set.of("root", "0");

  @Override
  public String name() {
    return "dockerfile-user";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(ROOT, NO_HEALTHCHECK);
  }

  /** The earlier stage this one is built FROM, if it names one. */
  private static java.util.Optional<Dockerfile.Stage> parent(Dockerfile df, Dockerfile.Stage stage) {
    return df.stages().stream().limit(stage.index())
        .filter(s -> !s.alias().isEmpty() && s.alias().equalsIgnoreCase(stage.image())).reduce((a, b) -> b);
  }

  @Override
  public List<CheckSpec.Hit> check(Dockerfile df) {
    var hits = new ArrayList<CheckSpec.Hit>();
    var last = df.lastStage();
    Instruction lastUser = null;
    boolean healthcheck = false;
    // A stage built FROM an earlier stage inherits its USER and HEALTHCHECK: walk the chain.
    for (var stage = java.util.Optional.of(last); stage.isPresent() && lastUser == null;
        stage = parent(df, stage.get())) {
      for (var in : stage.get().instructions()) {
        if (in.is("USER")) {
          lastUser = in;
        } else if (in.is("HEALTHCHECK")) {
          healthcheck = true;
        }
      }
    }
    if (lastUser == null) {
      hits.add(ROOT.at(last.from().line(), last.from().text(), "The final stage has no USER instruction: the container runs as root"));
    } else {
      String user = lastUser.arguments().split(":", 2)[0].strip();
      if (ROOT_NAMES.contains(user)) {
        hits.add(ROOT.at(lastUser.line(), lastUser.text(), "The last USER of the final stage is '" + user + "'"));
      }
    }
    if (!healthcheck) {
      hits.add(NO_HEALTHCHECK.at(last.from().line(), last.from().text(), "The final stage has no HEALTHCHECK"));
    }
    return hits;
  }
}
