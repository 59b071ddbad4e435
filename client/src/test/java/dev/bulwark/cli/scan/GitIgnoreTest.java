package dev.bulwark.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.cas.TreePacker;
import dev.bulwark.v1.FileEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitIgnoreTest {
  /** .gitignore files by directory, covering every feature the table below exercises. */
  static final Map<String, List<String>> FILES = Map.of(
      "", List.of(
          "# a comment, then a blank line",
          "",
          "*.log",
          "!keep.log",
          "build/",
          "/dist",
          "secret?.txt",
          "[Tt]emp*",
          "docs/**/*.tmp",
          "**/generated",
          "logs/**",
          "\\#hash",
          "cache[!0-9]",
          "trailing-space   "),
      "sub", List.of(
          "!*.log",
          "local.txt",
          "/anchored.txt"));

  final GitIgnore rules = new GitIgnore(dir -> FILES.getOrDefault(dir, List.of()));

  @ParameterizedTest(name = "{0} (directory: {1}) ignored: {2}")
  @CsvSource({
      "a.log,                  false, true",   // glob without slash: any depth
      "src/deep/a.log,         false, true",
      "keep.log,               false, false",  // negation re-includes
      "build,                  true,  true",   // directory-only pattern
      "build,                  false, false",  // ... does not match a file
      "src/build,              true,  true",
      "build/keep.log,         false, true",   // nothing below an excluded directory comes back
      "dist,                   true,  true",   // anchored to the root
      "src/dist,               true,  false",
      "secret1.txt,            false, true",   // ? is one character
      "secret12.txt,           false, false",
      "Temp.txt,               false, true",   // character class
      "temp,                   false, true",
      "xtemp,                  false, false",
      "cachea,                 false, true",   // negated class
      "cache1,                 false, false",
      "docs/c.tmp,             false, true",   // a/**/b: zero or more directories
      "docs/a/b/c.tmp,         false, true",
      "other/c.tmp,            false, false",
      "generated,              true,  true",   // **/x: anywhere
      "a/b/generated,          true,  true",
      "logs,                   true,  false",  // x/**: what is inside, not x itself
      "logs/x/y.txt,           false, true",
      "#hash,                  false, true",   // escaped #
      "trailing-space,         false, true",   // unescaped trailing spaces are dropped
      "sub/x.log,              false, false",  // a deeper file overrides a shallower one
      "x/x.log,                false, true",
      "sub/local.txt,          false, true",   // rules of sub/ apply only below sub/
      "local.txt,              false, false",
      "sub/deeper/local.txt,   false, true",
      "sub/anchored.txt,       false, true",   // /x is anchored to its own file's directory
      "sub/deeper/anchored.txt,false, false",
      "src/Main.java,          false, false",
  })
  void followsGitSemantics(String path, boolean directory, boolean ignored) {
    assertThat(rules.ignored(path, directory)).isEqualTo(ignored);
  }

  @Test
  void treePackerLeavesOutIgnoredFilesAndDotGitReadingNestedGitignoresFromDisk(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve(".git"));
    Files.writeString(tmp.resolve(".git/config"), "[core]");
    Files.writeString(tmp.resolve(".gitignore"), "*.log\nnode_modules/\n");
    Files.createDirectories(tmp.resolve("node_modules/x"));
    Files.writeString(tmp.resolve("node_modules/x/index.js"), "x");
    Files.createDirectories(tmp.resolve("app"));
    Files.writeString(tmp.resolve("app/.gitignore"), "!important.log\n/local/\n");
    Files.writeString(tmp.resolve("app/debug.log"), "x");
    Files.writeString(tmp.resolve("app/important.log"), "x");
    Files.createDirectories(tmp.resolve("app/local"));
    Files.writeString(tmp.resolve("app/local/notes.txt"), "x");
    Files.writeString(tmp.resolve("app/main.py"), "x");

    var packed = TreePacker.pack(tmp, new GitIgnore(tmp));

    assertThat(packed.files()).extracting(FileEntry::getPath)
        .containsExactly(".gitignore", "app/.gitignore", "app/important.log", "app/main.py");
  }
}
