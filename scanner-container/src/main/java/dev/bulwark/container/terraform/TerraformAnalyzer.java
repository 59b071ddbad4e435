package dev.bulwark.container.terraform;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.ConfigParseException;
import dev.bulwark.container.check.FamilyAnalyzer;
import java.util.List;

/** Terraform {@code .tf} files, parsed by {@link HclParser}; each file is checked on its own. */
public final class TerraformAnalyzer extends FamilyAnalyzer<TerraformModule> {

  public TerraformAnalyzer() {
    super(List.<CheckFamily<TerraformModule>>of(
        new NetworkChecks(),
        new StorageChecks(),
        new IamChecks(),
        new CloudTrailChecks()));
  }

  @Override
  public String name() {
    return "terraform";
  }

  @Override
  protected String parserVersion() {
    return "1";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".tf");
  }

  @Override
  protected TerraformModule parse(String path, String text) throws ConfigParseException {
    return new TerraformModule(HclParser.parse(text), text.lines().toList());
  }
}
