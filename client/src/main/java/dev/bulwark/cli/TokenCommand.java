package dev.bulwark.cli;

import dev.bulwark.v1.CreateTokenRequest;
import dev.bulwark.v1.ListTokensRequest;
import dev.bulwark.v1.RevokeTokenRequest;
import dev.bulwark.v1.TokenInfo;
import dev.bulwark.v1.WhoAmIRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark token create|list|revoke|whoami}: API tokens, kept by the gate (only a salted
 * hash of each). Creating, listing and revoking need the {@code admin} role; a token is printed
 * once, when created.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "API tokens: create (printed once), list, revoke; whoami shows the identity of a credential.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class,
        TokenCommand.WhoAmI.class})
final class TokenCommand implements Runnable {
  @Override
  public void run() {
    throw new UserError("token needs a command: create, list, revoke or whoami");
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Issue a token; it is printed once on stdout (only its hash is kept).")
  static final class Create implements Callable<Integer> {
    private final CliEnvironment env;
    @Mixin
    GateConnection.Address address = new GateConnection.Address();
    @Option(names = "--project", paramLabel = "P", required = true,
        description = "Project it may act on ('*' for every project); repeatable.")
    List<String> projects = new ArrayList<>();
    @Option(names = "--role", paramLabel = "ROLE", required = true, split = ",",
        description = "scan, read, triage, policy-admin, override or admin; repeatable or comma-separated.")
    List<String> roles = new ArrayList<>();
    @Option(names = "--expires", paramLabel = "DATE",
        description = "Last day it is valid (2027-06-30) or an instant (2027-06-30T12:00:00Z); default: never.")
    String expires = "";
    @Option(names = "--name", paramLabel = "N", description = "A name to recognise it by (default: the first project and roles).")
    String name;

    Create(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      String label = name != null ? name : projects.get(0) + " " + String.join("+", roles);
      var request = CreateTokenRequest.newBuilder().setName(label).addAllProjects(projects).addAllRoles(roles)
          .setExpiresAt(expires).build();
      try (var gate = GateConnection.open(env, address)) {
        var created = gate.auth(stub -> stub.createToken(request));
        env.out().println(created.getToken());
        env.err().println("bulwark: token " + created.getInfo().getId() + " (" + describe(created.getInfo())
            + ") created; it is shown only now: store it in your secret manager");
      }
      return Main.PASS;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Tokens (never their secrets).")
  static final class ListTokens implements Callable<Integer> {
    private final CliEnvironment env;
    @Mixin
    GateConnection.Address address = new GateConnection.Address();
    @Option(names = "--project", paramLabel = "P", description = "Only tokens valid for this project.")
    String project = "";

    ListTokens(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      try (var gate = GateConnection.open(env, address)) {
        var tokens = gate.auth(stub -> stub.listTokens(ListTokensRequest.newBuilder().setProject(project).build()));
        env.out().printf("%-16s  %-24s  %-30s  %-24s  %s%n", "ID", "NAME", "PROJECTS / ROLES", "EXPIRES", "STATE");
        for (TokenInfo t : tokens.getTokensList()) {
          env.out().printf("%-16s  %-24s  %-30s  %-24s  %s%n", t.getId(), t.getName(), describe(t),
              t.getExpiresAt().isEmpty() ? "never" : t.getExpiresAt(),
              t.getRevokedAt().isEmpty() ? "active" : "revoked " + t.getRevokedAt());
        }
      }
      return Main.PASS;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
  static final class Revoke implements Callable<Integer> {
    private final CliEnvironment env;
    @Mixin
    GateConnection.Address address = new GateConnection.Address();
    @Parameters(paramLabel = "ID", description = "The token's id (see `bulwark token list`).")
    String id;

    Revoke(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      try (var gate = GateConnection.open(env, address)) {
        var t = gate.auth(stub -> stub.revokeToken(RevokeTokenRequest.newBuilder().setId(id).build()));
        env.out().println("token " + t.getId() + " (" + t.getName() + ") revoked at " + t.getRevokedAt());
      }
      return Main.PASS;
    }
  }

  @Command(name = "whoami", mixinStandardHelpOptions = true,
      description = "The identity, projects and roles the gate sees for the credential given.")
  static final class WhoAmI implements Callable<Integer> {
    private final CliEnvironment env;
    @Mixin
    GateConnection.Address address = new GateConnection.Address();

    WhoAmI(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      try (var gate = GateConnection.open(env, address)) {
        var me = gate.auth(stub -> stub.whoAmI(WhoAmIRequest.getDefaultInstance()));
        env.out().println(me.getId() + " (" + me.getKind() + "): projects " + String.join(", ", me.getProjectsList())
            + "; roles " + String.join(", ", me.getRolesList())
            + (me.getExpiresAt().isEmpty() ? "" : "; expires " + me.getExpiresAt()));
      }
      return Main.PASS;
    }
  }

  static String describe(TokenInfo t) {
    return String.join(",", t.getProjectsList()) + " / " + String.join(",", t.getRolesList());
  }
}
