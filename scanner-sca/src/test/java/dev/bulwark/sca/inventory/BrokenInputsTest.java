package dev.bulwark.sca.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * This module's own broken inputs (src/test/resources/inventory/&lt;format&gt;/): each gives a
 * problem that names the file and says what is wrong, and no exception.
 */
class BrokenInputsTest {

  @ParameterizedTest(name = "{0}: {1} → \"{2}\"")
  @CsvSource(delimiter = '|', textBlock = """
      npm-package-lock             | npm/truncated/package-lock.json           | not valid JSON
      yarn-lock                    | yarn/garbage/yarn.lock                    | line 1: not a yarn.lock entry
      pnpm-lock                    | pnpm/broken/pnpm-lock.yaml                | not valid YAML
      poetry-lock                  | poetry/broken/poetry.lock                 | not valid TOML
      uv-lock                      | uv/broken/uv.lock                         | not valid TOML
      pipfile-lock                 | pipfile/broken/Pipfile.lock               | not valid JSON
      cargo-lock                   | cargo/broken/Cargo.lock                   | not valid TOML
      gemfile-lock                 | gemfile/garbage/Gemfile.lock              | no GEM section
      composer-lock                | composer/broken/composer.lock             | not valid JSON
      nuget-packages-lock          | nuget/broken/packages.lock.json           | not valid JSON
      pubspec-lock                 | pubspec/broken/pubspec.lock               | not valid YAML
      mix-lock                     | mix/broken/mix.lock                       | not an Elixir map literal
      conan-lock                   | conan/broken/conan.lock                   | not valid JSON
      gradle-verification-metadata | gradle/broken/verification-metadata.xml   | not valid XML
      """)
  void brokenFileIsReportedByName(String parserName, String file, String reason) {
    ParseResult result = Trees.parse(FixtureCatalogTest.parser(parserName), Trees.own(), file);

    assertThat(result.packages()).isEmpty();
    assertThat(result.problems()).singleElement().asString().startsWith(file + ": " + reason);
  }
}
