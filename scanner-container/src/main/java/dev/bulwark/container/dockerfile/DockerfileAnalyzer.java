package dev.bulwark.container.dockerfile;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.ConfigParseException;
import dev.bulwark.container.check.FamilyAnalyzer;
import dev.bulwark.container.eol.EndOfLifeTable;
import java.util.List;
import java.util.Locale;

/** Dockerfiles and Containerfiles: parsed by {@link DockerfileParser}, checked by the families below. */
public final class DockerfileAnalyzer extends FamilyAnalyzer<Dockerfile> {

  public DockerfileAnalyzer(EndOfLifeTable eol) {
    super(List.<CheckFamily<Dockerfile>>of(
        new BaseImageChecks(eol),
        new UserChecks(),
        new RunChecks(),
        new StageChecks(),
        new InstructionChecks()));
  }

  @Override
  public String name() {
    return "dockerfile";
  }

  @Override
  protected String parserVersion() {
    return "1";
  }

  @Override
  public boolean accepts(String path) {
    String name = fileName(path).toLowerCase(Locale.ROOT);
    return name.equals("dockerfile") || name.equals("containerfile") || name.startsWith("dockerfile.")
        || name.endsWith(".dockerfile");
  }

  @Override
  protected Dockerfile parse(String path, String text) throws ConfigParseException {
    return DockerfileParser.parse(text);
  }
}
