package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A run builds the commands its arguments need, so that picocli does not reflect over all of them. */
class CommandSelectionTest {

  @Test
  @DisplayName("a named command: that command only, whatever follows it")
  void theNamedCommandOnly() {
    assertThat(CommandSelection.needed(Main.COMMANDS, "scan", ".", "--format", "json")).containsExactly(ScanCommand.class);
    assertThat(CommandSelection.needed(Main.COMMANDS, "hook", "install")).containsExactly(HookCommand.class);
  }

  @Test
  @DisplayName("--version: no command at all")
  void versionNeedsNone() {
    assertThat(CommandSelection.needed(Main.COMMANDS, "--version")).isEmpty();
    assertThat(CommandSelection.needed(Main.COMMANDS, "-V")).isEmpty();
  }

  @Test
  @DisplayName("help, no command, a misspelt command or a leading option: every command, for the usage and suggestions")
  void everythingElseNeedsAll() {
    assertThat(CommandSelection.needed(Main.COMMANDS, "help", "scan")).isEqualTo(Main.COMMANDS);
    assertThat(CommandSelection.needed(Main.COMMANDS)).isEqualTo(Main.COMMANDS);
    assertThat(CommandSelection.needed(Main.COMMANDS, "sacn", ".")).isEqualTo(Main.COMMANDS);
    assertThat(CommandSelection.needed(Main.COMMANDS, "--help")).isEqualTo(Main.COMMANDS);
    assertThat(CommandSelection.needed(Main.COMMANDS, "--version", "scan")).isEqualTo(Main.COMMANDS);
  }
}
