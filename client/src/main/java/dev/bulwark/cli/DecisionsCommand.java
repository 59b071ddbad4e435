package dev.bulwark.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.ListDecisionsRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bulwark decisions}: the gate's recorded decisions, newest first. */
@Command(name = "decisions", mixinStandardHelpOptions = true,
    description = "List the gate's decisions, newest first.")
final class DecisionsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
  private static final List<String> HEADER =
      List.of("SCAN ID", "DECIDED AT", "PROJECT", "BRANCH", "VERDICT", "RISK", "OVERRIDDEN", "REASON");

  private final CliEnvironment env;

  @Mixin
  GateConnection.Address address;

  @Option(names = "--project", paramLabel = "P", description = "Only this project (default: all).")
  String project;

  @Option(names = "--branch", paramLabel = "B", description = "Only this branch (default: all).")
  String branch;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  DecisionsCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    boolean json = switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "table" -> false;
      case "json" -> true;
      default -> throw new UserError("unknown --format '" + format + "': use table or json");
    };
    if (limit < 1) {
      throw new UserError("--limit must be at least 1, got " + limit);
    }
    var request = ListDecisionsRequest.newBuilder();
    if (project != null) {
      request.setProject(project);
    }
    if (branch != null) {
      request.setBranch(branch);
    }
    var decisions = new ArrayList<Decision>();
    try (var gate = GateConnection.open(env, address)) {
      // The gate caps a page; follow its page tokens until --limit decisions or the last page.
      do {
        var page = gate.call(stub -> stub.listDecisions(request.setLimit(limit - decisions.size()).build()));
        decisions.addAll(page.getDecisionsList());
        request.setPageToken(page.getNextPageToken());
      } while (!request.getPageToken().isEmpty() && decisions.size() < limit);
    }
    if (json) {
      writeJson(decisions);
    } else if (decisions.isEmpty()) {
      env.err().println("bulwark: no decisions recorded" + (project == null ? "" : " for project " + project)
          + (branch == null ? "" : " on branch " + branch));
    } else {
      env.out().print(table(decisions));
    }
    env.out().flush();
    return Main.PASS;
  }

  private void writeJson(List<Decision> decisions) throws IOException {
    var array = JSON.createArrayNode();
    for (Decision d : decisions) {
      var o = array.addObject();
      o.put("scanId", d.getScanId());
      o.put("decidedAt", d.getDecidedAt());
      o.put("project", d.getContext().getProject());
      o.put("branch", d.getContext().getBranch());
      o.put("commit", d.getContext().getCommit());
      o.put("verdict", d.getVerdict().name());
      o.put("riskScore", d.getRiskScore());
      o.put("overridden", d.getOverridden());
      if (d.getOverridden()) {
        o.put("overrideIdentity", d.getOverrideIdentity());
        o.put("overrideJustification", d.getOverrideJustification());
      }
      o.put("policyVersion", d.getPolicyVersion());
      var layers = o.putArray("policies");
      d.getPoliciesList().forEach(p -> layers.addObject().put("layer", p.getLayer()).put("source", p.getSource())
          .put("version", p.getVersion()));
      d.getReasonsList().forEach(o.putArray("reasons")::add);
    }
    JSON.writeValue(env.out(), array);
    env.out().println();
  }

  /** Aligned columns; only the first reason, with a count of the others. */
  static String table(List<Decision> decisions) {
    var rows = new ArrayList<List<String>>();
    rows.add(HEADER);
    for (Decision d : decisions) {
      String reason = d.getReasonsCount() == 0 ? "" : d.getReasons(0)
          + (d.getReasonsCount() > 1 ? " (+" + (d.getReasonsCount() - 1) + " more)" : "");
      rows.add(List.of(d.getScanId(), d.getDecidedAt(), d.getContext().getProject(),
          d.getContext().getBranch().isEmpty() ? "-" : d.getContext().getBranch(), d.getVerdict().name(),
          Integer.toString(d.getRiskScore()), d.getOverridden() ? "yes (" + d.getOverrideIdentity() + ")" : "no",
          reason));
    }
    int[] widths = new int[HEADER.size()];
    rows.forEach(r -> {
      for (int i = 0; i < r.size(); i++) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    });
    var out = new StringBuilder();
    for (var r : rows) {
      for (int i = 0; i < r.size(); i++) {
        boolean last = i == r.size() - 1;
        out.append(last ? r.get(i) : String.format("%-" + widths[i] + "s  ", r.get(i)));
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }
}
