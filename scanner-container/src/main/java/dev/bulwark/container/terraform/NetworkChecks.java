package dev.bulwark.container.terraform;

import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.v1.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Security-group rules that open administration and database ports to the whole internet. */
public final class NetworkChecks extends TerraformChecks {
  static final CheckSpec PUBLIC_INGRESS = new CheckSpec("AVD-AWS-0107",
      "Security group allows ingress from the internet to an administration port", Severity.CRITICAL,
      "An ingress rule open to 0.0.0.0/0 or ::/0 on SSH, RDP or a database port exposes it to internet-wide brute force and exploits.",
      "Restrict cidr_blocks to known addresses, or reach the host through a bastion, VPN or SSM.");
  /** Ports whose exposure to the internet is flagged, with what usually listens there. */
  static final Map<Integer, String> ADMIN_PORTS = Map.ofEntries(Map.entry(22, "SSH"), Map.entry(3389, "RDP"),
      Map.entry(23, "Telnet"), Map.entry(5985, "WinRM"), Map.entry(5986, "WinRM"), Map.entry(3306, "MySQL"),
      Map.entry(5432, "PostgreSQL"), Map.entry(1433, "SQL Server"), Map.entry(6379, "Redis"),
      Map.entry(27017, "MongoDB"), Map.entry(9200, "Elasticsearch"), Map.entry(2375, "Docker API"));

  @Override
  public String name() {
    return "terraform-network";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(PUBLIC_INGRESS);
  }

  @Override
  public List<CheckSpec.Hit> check(TerraformModule m) {
    var hits = new ArrayList<CheckSpec.Hit>();
    for (var sg : m.resources("aws_security_group")) {
      for (var ingress : sg.body().blocks("ingress")) {
        rule(m, sg.address(), ingress.body(), ingress.line(), hits);
      }
    }
    for (var rule : m.resources("aws_security_group_rule")) {
      if (rule.body().literal("type").orElse("").equals("ingress")) {
        rule(m, rule.address(), rule.body(), rule.line(), hits);
      }
    }
    for (var rule : m.resources("aws_vpc_security_group_ingress_rule")) {
      rule(m, rule.address(), rule.body(), rule.line(), hits);
    }
    return hits;
  }

  private static void rule(TerraformModule m, String address, Hcl.Body rule, int blockLine, List<CheckSpec.Hit> hits) {
    var open = new ArrayList<Hcl.Attribute>();
    for (String attr : List.of("cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6")) {
      rule.attribute(attr).filter(a -> strings(a.value()).stream().anyMatch(NetworkChecks::isWorld)).ifPresent(open::add);
    }
    if (open.isEmpty()) {
      return;
    }
    String protocol = rule.literal("protocol").orElse(rule.literal("ip_protocol").orElse("tcp"));
    Optional<Long> from = rule.literal("from_port").flatMap(NetworkChecks::number);
    Optional<Long> to = rule.literal("to_port").flatMap(NetworkChecks::number).or(() -> from);
    boolean allPorts = protocol.equals("-1") || protocol.equalsIgnoreCase("all");
    for (var port : ADMIN_PORTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      boolean covered = allPorts || from.isPresent() && from.get() <= port.getKey() && port.getKey() <= to.get();
      if (covered && !protocol.equalsIgnoreCase("udp")) {
        int line = open.get(0).line();
        hits.add(hit(PUBLIC_INGRESS, m, line, address + " allows " + port.getValue() + " (port " + port.getKey()
            + ") from " + String.join(", ", open.stream().flatMap(a -> strings(a.value()).stream())
                .filter(NetworkChecks::isWorld).toList())));
      }
    }
  }

  private static boolean isWorld(String cidr) {
    return cidr.equals("0.0.0.0/0") || cidr.equals("::/0");
  }

  /** The string literals of a value: itself, or the items of a list. */
  static List<String> strings(Hcl.Value v) {
    if (v instanceof Hcl.ListValue l) {
      return l.items().stream().flatMap(i -> Hcl.literal(i).stream()).toList();
    }
    return Hcl.literal(v).stream().toList();
  }

  private static Optional<Long> number(String s) {
    try {
      return Optional.of(Long.parseLong(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
