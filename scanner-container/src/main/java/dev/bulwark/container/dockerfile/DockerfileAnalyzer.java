package dev.bulwark.container.dockerfile;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.ConfigParseException;
import dev.bulwark.container.check.FamilyAnalyzer;
import dev.bulwark.container.eol.EndOfLifeTable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Dockerfiles and Containerfiles: parsed by {@link DockerfileParser}, checked by the families below. */
public final class DockerfileAnalyzer extends FamilyAnalyzer<Dockerfile> {

  private final EndOfLifeTable eol;

  public DockerfileAnalyzer(EndOfLifeTable eol) {
    super(List.<CheckFamily<Dockerfile>>of(
        new BaseImageChecks(eol),
        new UserChecks(),
        new RunChecks(),
        new StageChecks(),
        new InstructionChecks()));
    this.eol = eol;
  }

  @Override
  public String name() {
    return "dockerfile";
  }

  /** The base-image check judges releases against today: its results change when one reaches its end of life. */
  @Override
  public java.util.Map<String, String> facts() {
    return java.util.Map.of("eol", eol.pastEndOfLife());
  }

  @Override
  protected String parserVersion() {
    return "1";
  }

  /**
   * Suffixes that make {@code Dockerfile.<suffix>} a file about Dockerfiles (source code, docs,
   * data), not a Dockerfile variant like {@code Dockerfile.dev} or {@code Dockerfile.alpine}.
   */
  private static final Set<String> NOT_DOCKERFILE_SUFFIXES = Set.of("java", "kt", "kts", "scala", "groovy", "go",
      "py", "js", "mjs", "cjs", "ts", "tsx", "jsx", "rb", "rs", "cs", "php", "c", "h", "cc", "cpp", "swift", "md",
      "txt", "rst", "adoc", "json", "yaml", "yml", "toml", "xml", "html", "sh", "bash", "ps1", "bat", "lock",
      "properties", "class", "jar", "orig", "rej", "bak", "swp", "snap", "golden", "test", "spec");

  @Override
  public boolean accepts(String path) {
    String name = fileName(path).toLowerCase(Locale.ROOT);
    if (name.startsWith("dockerfile.")) {
      return !NOT_DOCKERFILE_SUFFIXES.contains(name.substring(name.lastIndexOf('.') + 1));
    }
    return name.equals("dockerfile") || name.equals("containerfile") || name.endsWith(".dockerfile");
  }

  @Override
  protected Dockerfile parse(String path, String text) throws ConfigParseException {
    return DockerfileParser.parse(text);
  }
}
