package dev.bulwark.sast.syntax;

/** A grammar's native library cannot be loaded here (platform, extraction folder, ABI). */
public final class GrammarUnavailable extends RuntimeException {
  GrammarUnavailable(Grammar grammar, Throwable cause) {
    super("tree-sitter " + grammar.name().toLowerCase(java.util.Locale.ROOT) + " grammar unavailable: " + cause, cause);
  }
}
