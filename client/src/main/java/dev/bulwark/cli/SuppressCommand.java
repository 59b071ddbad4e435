package dev.bulwark.cli;

import dev.bulwark.v1.AddSuppressionRequest;
import dev.bulwark.v1.ListSuppressionsRequest;
import dev.bulwark.v1.RemoveSuppressionRequest;
import dev.bulwark.v1.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark suppress add|list|remove}: the gate's central suppressions of a project. The
 * gate validates them (a criterion, a reason, an expiry at most a year ahead); its refusal is
 * shown as one line, exit 2.
 */
@Command(name = "suppress", mixinStandardHelpOptions = true,
    description = "Manage the gate's central suppressions (accepted risks, with a reason and an expiry).",
    subcommands = {SuppressCommand.Add.class, SuppressCommand.ListCommand.class, SuppressCommand.Remove.class})
final class SuppressCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (add, list, remove)");
  }

  /** {@code bulwark suppress add}. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a central suppression; every criterion given must match a finding.")
  static final class Add implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    GateConnection.Address address;

    @Option(names = "--project", paramLabel = "P", required = true, description = "Project it applies to.")
    String project;

    @Option(names = "--fingerprint", paramLabel = "F", description = "A finding's fingerprint.")
    String fingerprint = "";

    @Option(names = "--rule", paramLabel = "R", description = "Rule id, or a prefix ending in '*'.")
    String rule = "";

    @Option(names = "--path", paramLabel = "GLOB", description = "Glob over the finding's path.")
    String path = "";

    @Option(names = "--purl", paramLabel = "PURL", description = "Package URL, with or without version.")
    String purl = "";

    @Option(names = "--advisory", paramLabel = "ID", description = "Advisory id or alias.")
    String advisory = "";

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the risk is acceptable (required).")
    String reason = "";

    @Option(names = "--expires", paramLabel = "YYYY-MM-DD",
        description = "Last day it applies, at most a year ahead (required).")
    String expires = "";

    @Option(names = "--by", paramLabel = "NAME", description = "Who adds it (default: the user name).")
    String by;

    Add(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      // Reason, expiry and criteria are checked by the gate alone, so the rules live in one place.
      var s = Suppression.newBuilder().setProject(project).setFingerprint(fingerprint).setRule(rule)
          .setPathGlob(path).setPurl(purl).setAdvisory(advisory).setReason(reason).setExpires(expires)
          .setCreatedBy(by != null ? by : System.getProperty("user.name", "unknown")).build();
      Suppression added;
      try (var gate = GateConnection.open(env, address)) {
        added = gate.call(stub -> stub.addSuppression(AddSuppressionRequest.newBuilder().setSuppression(s).build()));
      }
      env.out().println("added suppression " + added.getId() + " for " + added.getProject() + ": "
          + criteria(added) + ", until " + added.getExpires());
      return Main.PASS;
    }
  }

  /** {@code bulwark suppress list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List a project's central suppressions, expired ones included.")
  static final class ListCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    GateConnection.Address address;

    @Option(names = "--project", paramLabel = "P", required = true, description = "The project.")
    String project;

    ListCommand(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      List<Suppression> list;
      try (var gate = GateConnection.open(env, address)) {
        list = gate.call(stub -> stub.listSuppressions(ListSuppressionsRequest.newBuilder().setProject(project)
            .build())).getSuppressionsList();
      }
      if (list.isEmpty()) {
        env.err().println("bulwark: no central suppressions for project " + project);
      }
      for (Suppression s : list) {
        env.out().println(s.getId() + "  " + criteria(s) + "  until " + s.getExpires()
            + (s.getExpired() ? " (EXPIRED, not applied)" : "") + "  by " + s.getCreatedBy() + "  reason: "
            + s.getReason());
      }
      return Main.PASS;
    }
  }

  /** {@code bulwark suppress remove ID}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a central suppression.")
  static final class Remove implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    GateConnection.Address address;

    @Parameters(paramLabel = "ID", description = "Id shown by `bulwark suppress list`.")
    String id;

    Remove(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      try (var gate = GateConnection.open(env, address)) {
        gate.call(stub -> stub.removeSuppression(RemoveSuppressionRequest.newBuilder().setId(id).build()));
      }
      env.out().println("removed suppression " + id);
      return Main.PASS;
    }
  }

  /** The criteria that are set, e.g. {@code rule=java.sqli path=src/**}. */
  static String criteria(Suppression s) {
    var parts = new ArrayList<String>();
    add(parts, "fingerprint", s.getFingerprint());
    add(parts, "rule", s.getRule());
    add(parts, "path", s.getPathGlob());
    add(parts, "purl", s.getPurl());
    add(parts, "advisory", s.getAdvisory());
    return String.join(" ", parts);
  }

  private static void add(List<String> parts, String name, String value) {
    if (!value.isEmpty()) {
      parts.add(name + "=" + value);
    }
  }
}
