package dev.bulwark.sast.secrets.precision;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Test, fixture and example files. A secret there is still reported (test credentials leak into
 * production often enough), but with lower confidence: such files are full of made-up values.
 */
public final class PathKind {
  private static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "spec", "specs", "testdata",
      "test-data", "test_data", "testing", "e2e", "it", "integration-tests", "cypress", "fixtures", "fixture",
      "__fixtures__", "mocks", "__mocks__", "mock", "examples", "example", "samples", "sample", "demo", "demos",
      "stubs", "testfixtures", "test-fixtures", "unittests", "functional-tests");
  private static final Pattern TEST_FILE = Pattern.compile("(?i)(?:"
      + ".*[._-](?:test|tests|spec|e2e|fixture|fixtures|mock|mocks|stub|example|sample)\\.[a-z0-9]+"
      + "|.*_test\\.go|test_.*\\.py|conftest\\.py|.*(?:Test|Tests|IT|Spec|TestCase)\\.(?:java|kt|scala|groovy|cs)"
      + "|.*_spec\\.rb|.*\\.(?:example|sample|template|dist|tmpl)|\\.env\\.(?:example|sample|template|dist))");

  private PathKind() {}

  /** "a test file", "a fixture" or "an example", when the path is one; empty otherwise. */
  public static Optional<String> of(String path) {
    String[] parts = path.split("/");
    String name = parts[parts.length - 1];
    for (int i = 0; i < parts.length - 1; i++) {
      String dir = parts[i].toLowerCase(Locale.ROOT);
      if (TEST_DIRS.contains(dir)) {
        return Optional.of(dir.contains("fixture") || dir.contains("mock") || dir.contains("stub") ? "a fixture"
            : dir.startsWith("example") || dir.startsWith("sample") || dir.startsWith("demo") ? "an example"
            : "a test file");
      }
    }
    if (TEST_FILE.matcher(name).matches()) {
      String lower = name.toLowerCase(Locale.ROOT);
      return Optional.of(lower.contains("example") || lower.contains("sample") || lower.contains("template")
          || lower.endsWith(".dist") ? "an example" : lower.contains("fixture") || lower.contains("mock")
          ? "a fixture" : "a test file");
    }
    return Optional.empty();
  }
}
