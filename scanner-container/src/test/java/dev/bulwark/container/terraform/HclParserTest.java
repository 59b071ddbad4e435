package dev.bulwark.container.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.container.TestResources;
import dev.bulwark.container.check.ConfigParseException;
import org.junit.jupiter.api.Test;

class HclParserTest {

  @Test
  void parsesBlocksAttributesObjectsAndKeepsOtherExpressionsAsText() throws Exception {
    var body = HclParser.parse(TestResources.text("terraform/syntax.tf"));
    assertThat(body.blocks()).extracting(Hcl.Block::type).containsExactly("terraform", "locals", "module");
    assertThat(body.blocks().get(0).line()).isEqualTo(3);
    var locals = body.blocks("locals").get(0).body();
    var tags = (Hcl.ObjectValue) locals.value("tags").orElseThrow();
    assertThat(tags.items()).containsKeys("Owner", "cost-center");
    assertThat(locals.literal("name")).contains("${var.prefix}-app");
    assertThat(locals.value("list").orElseThrow()).isInstanceOf(Hcl.Expr.class);
    assertThat(((Hcl.Expr) locals.value("cond").orElseThrow()).text()).isEqualTo("var.enabled ? 1 : 0");
    assertThat(locals.attribute("cond").orElseThrow().line()).isEqualTo(11);
    var module = body.blocks("module").get(0);
    assertThat(module.labels()).containsExactly("vpc");
    assertThat(module.endLine()).isEqualTo(17);
  }

  @Test
  void heredocsAndJsonencodeArePolicyDocuments() throws Exception {
    var body = HclParser.parse(TestResources.text("terraform/AVD-AWS-0057.pos.tf"));
    var policy = body.blocks().get(1).body().value("policy").orElseThrow();
    assertThat(((Hcl.Str) policy).value()).contains("\"s3:*\"");
    assertThat(body.blocks().get(0).body().value("policy").orElseThrow()).isInstanceOf(Hcl.Call.class);
    assertThat(body.blocks().get(2).line()).isEqualTo(25);
  }

  @Test
  void unclosedBlocksAndStringsAreErrorsWithALine() {
    assertThatThrownBy(() -> HclParser.parse(TestResources.text("terraform/broken.tf")))
        .isInstanceOf(ConfigParseException.class).hasMessageContaining("expected '}'");
    assertThatThrownBy(() -> HclParser.parse(TestResources.text("terraform/unterminated.tf")))
        .isInstanceOf(ConfigParseException.class).hasMessageContaining("line 2");
  }
}
