package dev.bulwark.cli;

import dev.bulwark.v1.Decision;
import dev.bulwark.v1.OverrideDecisionRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark override SCAN_ID}: break-glass. The gate turns the scan's FAIL into PASS and
 * records who and why; it refuses anything but a FAIL (one line, exit 2).
 */
@Command(name = "override", mixinStandardHelpOptions = true,
    description = "Break-glass: turn a scan's FAIL into PASS, recording a justification and who did it.")
final class OverrideCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Mixin
  GateConnection.Address address;

  @Parameters(paramLabel = "SCAN_ID", description = "Scan whose FAIL may ship (see `bulwark decisions`).")
  String scanId;

  @Option(names = "--justification", paramLabel = "TEXT", description = "Why this FAIL may ship (required).")
  String justification = "";

  @Option(names = "--identity", paramLabel = "NAME",
      description = "Ignored by a gate that authenticates: it records the identity of your credential."
          + " Only a gate without authentication records this (default: your user name).")
  String identity = System.getProperty("user.name", "unknown");

  OverrideCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var request = OverrideDecisionRequest.newBuilder().setScanId(scanId).setJustification(justification)
        .setIdentity(identity).build();
    Decision decision;
    try (var gate = GateConnection.open(env, address)) {
      decision = gate.call(stub -> stub.overrideDecision(request));
    }
    env.out().println("scan " + decision.getScanId() + " of " + decision.getContext().getProject() + ": FAIL overridden"
        + " to " + decision.getVerdict() + " by " + decision.getOverrideIdentity() + " at " + decision.getDecidedAt());
    return Main.PASS;
  }
}
