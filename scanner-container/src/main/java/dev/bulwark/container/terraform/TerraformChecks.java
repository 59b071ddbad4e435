package dev.bulwark.container.terraform;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.CheckSpec;
import java.util.Optional;

/** Helpers shared by the Terraform check families. */
abstract class TerraformChecks implements CheckFamily<TerraformModule> {

  static CheckSpec.Hit hit(CheckSpec spec, TerraformModule m, int line, String message) {
    return spec.at(line, m.snippet(line), message);
  }

  /** The line of the attribute, else of the block that lacks it. */
  static int lineOf(TerraformModule.Resource r, String attribute) {
    return r.body().attribute(attribute).map(Hcl.Attribute::line).orElse(r.line());
  }

  static boolean isTrue(Optional<String> literal) {
    return literal.map("true"::equalsIgnoreCase).orElse(false);
  }
}
