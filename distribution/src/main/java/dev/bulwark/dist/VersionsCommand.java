package dev.bulwark.dist;

import dev.bulwark.advisories.version.VersionOrders;
import dev.bulwark.advisories.version.VersionTool;
import dev.bulwark.cli.CliEnvironment;
import dev.bulwark.cli.Main;
import dev.bulwark.cli.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark versions compare|sort}: the version order Bulwark applies when it matches
 * advisories, from the same comparators the SCA scanner uses.
 */
@Command(name = "versions", mixinStandardHelpOptions = true,
    description = "Compare or sort versions the way Bulwark's advisory matching does.",
    subcommands = {VersionsCommand.Compare.class, VersionsCommand.Sort.class})
final class VersionsCommand implements Runnable {
  @Override
  public void run() {
    throw new UserError("versions needs a subcommand: compare or sort");
  }

  static void requireEcosystem(String ecosystem) {
    if (VersionOrders.find(ecosystem).isEmpty()) {
      throw new UserError("unknown ecosystem '" + ecosystem + "'; known: " + String.join(", ", VersionOrders.names()));
    }
  }

  /** {@code versions compare --ecosystem E A B} or {@code --stdin} with lines "A B". */
  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Print <, = or > for A compared with B; with --stdin one character per input line "
          + "\"A B\" (! and a message on stderr for a version the ecosystem cannot parse).")
  static final class Compare implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--ecosystem", required = true, description = "As OSV spells it: Maven, PyPI, npm, Go, ...")
    String ecosystem;

    @Option(names = "--stdin", description = "Read pairs \"A B\" from standard input, one per line.")
    boolean stdin;

    @Parameters(arity = "0..2", paramLabel = "VERSION")
    List<String> versions = new ArrayList<>();

    Compare(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() throws IOException {
      requireEcosystem(ecosystem);
      if (!stdin) {
        if (versions.size() != 2) {
          throw new UserError("versions compare needs two versions, or --stdin");
        }
        try {
          env.out().println(VersionTool.compare(ecosystem, versions.get(0), versions.get(1)));
          return Main.PASS;
        } catch (IllegalArgumentException e) {
          throw new UserError(e.getMessage());
        }
      }
      var out = new PrintWriter(env.out(), false, StandardCharsets.UTF_8);
      var in = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNo++;
        int space = line.indexOf(' ');
        if (space < 0) {
          out.println('!');
          env.err().println("bulwark: line " + lineNo + ": expected \"A B\", got '" + line + "'");
          continue;
        }
        try {
          out.println(VersionTool.compare(ecosystem, line.substring(0, space), line.substring(space + 1)));
        } catch (IllegalArgumentException e) {
          out.println('!');
          env.err().println("bulwark: line " + lineNo + ": " + e.getMessage());
        }
      }
      out.flush();
      return Main.PASS;
    }
  }

  /** {@code versions sort --ecosystem E}: versions from stdin, one per line, printed ascending. */
  @Command(name = "sort", mixinStandardHelpOptions = true,
      description = "Sort the versions read from standard input (one per line), lowest first.")
  static final class Sort implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--ecosystem", required = true, description = "As OSV spells it: Maven, PyPI, npm, Go, ...")
    String ecosystem;

    Sort(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() throws IOException {
      requireEcosystem(ecosystem);
      var in = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8));
      var lines = in.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
      try {
        var out = new PrintWriter(env.out(), false, StandardCharsets.UTF_8);
        VersionTool.sort(ecosystem, lines).forEach(out::println);
        out.flush();
        return Main.PASS;
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
    }
  }
}
