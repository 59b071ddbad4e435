package dev.bulwark.container.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.v1.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM policies that allow every action, or every action of a service on every resource. */
public final class IamChecks extends TerraformChecks {
  static final CheckSpec WILDCARD = new CheckSpec("AVD-AWS-0057", "IAM policy uses wildcards for actions and resources",
      Severity.HIGH,
      "A policy allowing '*' actions (or 'service:*' on '*' resources) grants far more than any workload needs: one leaked credential controls the account.",
      "List the specific actions and resource ARNs the principal needs.");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> POLICY_RESOURCES = List.of("aws_iam_policy", "aws_iam_role_policy",
      "aws_iam_user_policy", "aws_iam_group_policy", "aws_s3_bucket_policy");

  @Override
  public String name() {
    return "terraform-iam";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(WILDCARD);
  }

  @Override
  public List<CheckSpec.Hit> check(TerraformModule m) {
    var hits = new ArrayList<CheckSpec.Hit>();
    for (String type : POLICY_RESOURCES) {
      for (var r : m.resources(type)) {
        r.body().attribute("policy").ifPresent(attr -> {
          for (Object statement : statements(toJava(attr.value()))) {
            if (statement instanceof Map<?, ?> s) {
              judge(s.get("Effect"), s.get("Action"), s.get("Resource"))
                  .ifPresent(why -> hits.add(hit(WILDCARD, m, attr.line(), r.address() + " " + why)));
            }
          }
        });
      }
    }
    for (var doc : m.dataSources("aws_iam_policy_document")) {
      for (var st : doc.body().blocks("statement")) {
        var b = st.body();
        judge(b.value("effect").map(IamChecks::toJava).orElse(null), b.value("actions").map(IamChecks::toJava).orElse(null),
            b.value("resources").map(IamChecks::toJava).orElse(null))
            .ifPresent(why -> hits.add(hit(WILDCARD, m, b.attribute("actions").map(Hcl.Attribute::line).orElse(st.line()),
                doc.address() + " " + why)));
      }
    }
    return hits;
  }

  private static java.util.Optional<String> judge(Object effect, Object actions, Object resources) {
    if (effect != null && !"Allow".equalsIgnoreCase(String.valueOf(effect))) {
      return java.util.Optional.empty();
    }
    List<String> a = list(actions);
    List<String> r = list(resources);
    if (a.contains("*")) {
      return java.util.Optional.of("allows every action ('*')" + (r.contains("*") ? " on every resource" : ""));
    }
    var serviceWide = a.stream().filter(x -> x.endsWith(":*")).toList();
    if (!serviceWide.isEmpty() && r.contains("*")) {
      return java.util.Optional.of("allows " + String.join(", ", serviceWide) + " on every resource ('*')");
    }
    return java.util.Optional.empty();
  }

  private static List<String> list(Object o) {
    if (o instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return o == null ? List.of() : List.of(String.valueOf(o));
  }

  private static List<?> statements(Object policy) {
    if (policy instanceof Map<?, ?> doc) {
      Object st = doc.get("Statement");
      return st instanceof List<?> l ? l : st == null ? List.of() : List.of(st);
    }
    return List.of();
  }

  /** An HCL value as plain Java (maps, lists, strings); JSON strings and heredocs are parsed. */
  static Object toJava(Hcl.Value v) {
    if (v instanceof Hcl.Str s) {
      String text = s.value().strip();
      if (text.startsWith("{") || text.startsWith("[")) {
        try {
          return JSON.readValue(text, Object.class);
        } catch (Exception e) {
          return text; // a template with interpolations: not judged
        }
      }
      return s.value();
    } else if (v instanceof Hcl.Call c && c.function().equals("jsonencode") && c.arguments().size() == 1) {
      return toJava(c.arguments().get(0));
    } else if (v instanceof Hcl.ListValue l) {
      return l.items().stream().map(IamChecks::toJava).toList();
    } else if (v instanceof Hcl.ObjectValue o) {
      var map = new LinkedHashMap<String, Object>();
      o.items().forEach((k, x) -> map.put(k, toJava(x)));
      return map;
    }
    return Hcl.literal(v).orElse(null);
  }
}
