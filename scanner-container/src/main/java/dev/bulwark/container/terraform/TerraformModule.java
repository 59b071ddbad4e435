package dev.bulwark.container.terraform;

import java.util.List;
import java.util.Optional;

/**
 * One parsed Terraform file: its resources and data sources, and the original lines for snippets.
 */
public record TerraformModule(Hcl.Body body, List<String> lines, List<Hcl.Body> siblings) {

  public TerraformModule(Hcl.Body body, List<String> lines) {
    this(body, lines, List.of());
  }

  /** A {@code resource} or {@code data} block. */
  public record Resource(String type, String name, Hcl.Block block) {
    public Hcl.Body body() {
      return block.body();
    }

    public String address() {
      return type + "." + name;
    }

    public int line() {
      return block.line();
    }
  }

  public List<Resource> resources(String type) {
    return blocks("resource", type);
  }

  public List<Resource> dataSources(String type) {
    return blocks("data", type);
  }

  /**
   * Resources of this file and of the other files of its folder: Terraform reads a directory as
   * one module, so a bucket's encryption or logging may be configured in another file.
   */
  public List<Resource> moduleResources(String type) {
    var all = new java.util.ArrayList<>(resources(type));
    siblings.forEach(b -> all.addAll(blocks(b, "resource", type)));
    return all;
  }

  private List<Resource> blocks(String kind, String type) {
    return blocks(body, kind, type);
  }

  private static List<Resource> blocks(Hcl.Body body, String kind, String type) {
    return body.blocks(kind).stream().filter(b -> b.label(0).equals(type))
        .map(b -> new Resource(b.label(0), b.label(1), b)).toList();
  }

  /** True when the value refers to the resource ({@code aws_s3_bucket.logs.id}, {@code .bucket}, ...). */
  public static boolean refersTo(Optional<Hcl.Value> value, Resource target) {
    return value.map(v -> v instanceof Hcl.Expr e ? e.text() : Hcl.literal(v).orElse(""))
        .map(text -> text.contains(target.address() + ".") || text.equals(target.address())
            || text.contains("\"" + target.body().literal("bucket").orElse("\0") + "\"")
            || text.equals(target.body().literal("bucket").orElse("\0")))
        .orElse(false);
  }

  public String snippet(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
  }
}
