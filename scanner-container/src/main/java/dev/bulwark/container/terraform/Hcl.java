package dev.bulwark.container.terraform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parsed shape of an HCL file: bodies of attributes and nested blocks, with lines. */
public final class Hcl {
  private Hcl() {}

  /** An expression value. Anything the checks do not need to understand is kept as {@link Expr} text. */
  public sealed interface Value {
    int line();
  }

  public record Str(int line, String value) implements Value {}

  public record Num(int line, String text) implements Value {}

  public record Bool(int line, boolean value) implements Value {}

  public record Null(int line) implements Value {}

  public record ListValue(int line, List<Value> items) implements Value {}

  public record ObjectValue(int line, Map<String, Value> items) implements Value {
    public ObjectValue {
      items = new LinkedHashMap<>(items);
    }
  }

  /** A function call such as {@code jsonencode({...})}. */
  public record Call(int line, String function, List<Value> arguments) implements Value {}

  /** A reference, operator expression, conditional or for-expression, as source text. */
  public record Expr(int line, String text) implements Value {}

  public record Attribute(String name, Value value, int line) {}

  /**
   * A block such as {@code resource "aws_s3_bucket" "logs" { ... }}.
   *
   * @param labels the quoted or bare labels after the type
   */
  public record Block(String type, List<String> labels, Body body, int line, int endLine) {
    public String label(int i) {
      return i < labels.size() ? labels.get(i) : "";
    }
  }

  /** Attributes and blocks of a file or a block, in source order. */
  public record Body(List<Attribute> attributes, List<Block> blocks) {
    public Optional<Attribute> attribute(String name) {
      return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Optional<Value> value(String name) {
      return attribute(name).map(Attribute::value);
    }

    /** The attribute as a literal string, number or bool text. */
    public Optional<String> literal(String name) {
      return value(name).flatMap(Hcl::literal);
    }

    public List<Block> blocks(String type) {
      return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }
  }

  /** A literal's text: strings, numbers and bools; empty for anything else. */
  public static Optional<String> literal(Value v) {
    if (v instanceof Str s) {
      return Optional.of(s.value());
    } else if (v instanceof Num n) {
      return Optional.of(n.text());
    } else if (v instanceof Bool b) {
      return Optional.of(String.valueOf(b.value()));
    }
    return Optional.empty();
  }
}
