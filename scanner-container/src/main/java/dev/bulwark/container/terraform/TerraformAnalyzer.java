package dev.bulwark.container.terraform;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.ConfigParseException;
import dev.bulwark.container.check.FamilyAnalyzer;
import dev.bulwark.container.check.CheckSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  @Override
  public boolean readsFolder() {
    return true;
  }

  /** Checks the file as part of its folder's module; siblings that do not parse are left out (they report themselves). */
  @Override
  public List<CheckSpec.Hit> analyze(String path, String text, Map<String, String> siblings) throws ConfigParseException {
    var bodies = new ArrayList<Hcl.Body>();
    for (var sibling : siblings.values()) {
      try {
        bodies.add(HclParser.parse(sibling));
      } catch (ConfigParseException e) {
        // reported when that file is analyzed itself
      }
    }
    return run(new TerraformModule(HclParser.parse(text), text.lines().toList(), bodies));
  }
}
