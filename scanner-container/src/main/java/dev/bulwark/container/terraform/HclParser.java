package dev.bulwark.container.terraform;

import dev.bulwark.container.check.ConfigParseException;
import dev.bulwark.container.terraform.HclLexer.Kind;
import dev.bulwark.container.terraform.HclLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A recursive-descent parser for HCL bodies: {@code name = expr} attributes and
 * {@code type "label" ... { body }} blocks, nested to any depth. Expressions are parsed into
 * literals, lists, objects and function calls; references, operators and for-expressions are
 * kept as text.
 */
public final class HclParser {
  private static final int MAX_DEPTH = 100;
  private final List<Token> tokens;
  private int pos;
  private int depth;

  private HclParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  public static Hcl.Body parse(String text) throws ConfigParseException {
    var parser = new HclParser(HclLexer.tokenize(text));
    Hcl.Body body = parser.body(false);
    if (parser.peek().kind() != Kind.EOF) {
      throw parser.error("unexpected '" + parser.peek().text() + "'");
    }
    return body;
  }

  private Hcl.Body body(boolean nested) throws ConfigParseException {
    var attributes = new ArrayList<Hcl.Attribute>();
    var blocks = new ArrayList<Hcl.Block>();
    while (true) {
      skipNewlines();
      Token t = peek();
      if (t.kind() == Kind.EOF || nested && t.is("}")) {
        return new Hcl.Body(attributes, blocks);
      }
      if (t.kind() != Kind.IDENT) {
        throw error("expected an attribute or block name, found '" + t.text() + "'");
      }
      pos++;
      if (peek().is("=")) {
        pos++;
        attributes.add(new Hcl.Attribute(t.text(), expression(), t.line()));
        Token end = peek();
        if (end.kind() != Kind.NEWLINE && end.kind() != Kind.EOF && !end.is("}")) {
          throw error("expected a new line after attribute '" + t.text() + "'");
        }
      } else {
        var labels = new ArrayList<String>();
        while (peek().kind() == Kind.STRING || peek().kind() == Kind.IDENT) {
          labels.add(next().text());
        }
        expect("{");
        if (++depth > MAX_DEPTH) {
          throw error("blocks nested deeper than " + MAX_DEPTH);
        }
        Hcl.Body inner = body(true);
        depth--;
        Token close = expect("}");
        blocks.add(new Hcl.Block(t.text(), labels, inner, t.line(), close.line()));
      }
    }
  }

  private Hcl.Value expression() throws ConfigParseException {
    int start = pos;
    Hcl.Value primary = primary();
    if (primary != null && terminates(peek())) {
      return primary;
    }
    // Not a plain value: keep the whole expression as text, brackets balanced.
    pos = start;
    int line = peek().line();
    var text = new StringBuilder();
    int nesting = 0;
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.EOF || nesting == 0 && terminates(t)) {
        break;
      }
      if (t.is("(") || t.is("[") || t.is("{")) {
        nesting++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        nesting--;
      }
      pos++;
      if (t.kind() != Kind.NEWLINE) {
        boolean tight = text.length() == 0 || t.is(".") || t.is(")") || t.is("]") || t.is(",")
            || text.charAt(text.length() - 1) == '.' || text.charAt(text.length() - 1) == '('
            || text.charAt(text.length() - 1) == '[';
        text.append(tight ? "" : " ").append(t.kind() == Kind.STRING ? '"' + t.text() + '"' : t.text());
      }
    }
    if (text.length() == 0) {
      throw error("expected an expression");
    }
    return new Hcl.Expr(line, text.toString());
  }

  /** A literal, list, object or call; null when the expression is something else. */
  private Hcl.Value primary() throws ConfigParseException {
    Token t = next();
    switch (t.kind()) {
      case STRING, HEREDOC -> {
        return new Hcl.Str(t.line(), t.text());
      }
      case NUMBER -> {
        return new Hcl.Num(t.line(), t.text());
      }
      case IDENT -> {
        if (t.text().equals("true") || t.text().equals("false")) {
          return new Hcl.Bool(t.line(), t.text().equals("true"));
        }
        if (t.text().equals("null")) {
          return new Hcl.Null(t.line());
        }
        if (peek().is("(")) {
          pos++;
          var args = new ArrayList<Hcl.Value>();
          for (skipNewlines(); !peek().is(")"); skipNewlines()) {
            args.add(expression());
            skipNewlines();
            if (!peek().is(",")) {
              break;
            }
            pos++;
          }
          skipNewlines();
          expect(")");
          return new Hcl.Call(t.line(), t.text(), args);
        }
        return null;
      }
      case PUNCT -> {
        if (t.is("[") && !(peek().kind() == Kind.IDENT && peek().text().equals("for"))) {
          var items = new ArrayList<Hcl.Value>();
          for (skipNewlines(); !peek().is("]"); skipNewlines()) {
            items.add(expression());
            skipNewlines();
            if (!peek().is(",")) {
              break;
            }
            pos++;
          }
          skipNewlines();
          expect("]");
          return new Hcl.ListValue(t.line(), items);
        }
        if (t.is("{") && !(peek().kind() == Kind.IDENT && peek().text().equals("for"))) {
          var items = new LinkedHashMap<String, Hcl.Value>();
          for (skipNewlines(); !peek().is("}"); skipNewlines()) {
            Token key = next();
            if (key.kind() != Kind.IDENT && key.kind() != Kind.STRING) {
              return null;
            }
            if (!peek().is("=") && !peek().is(":")) {
              return null;
            }
            pos++;
            items.put(key.text(), expression());
            if (peek().is(",")) {
              pos++;
            }
          }
          expect("}");
          return new Hcl.ObjectValue(t.line(), items);
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean terminates(Token t) {
    return t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF || t.is(",") || t.is(")") || t.is("]") || t.is("}");
  }

  private void skipNewlines() {
    while (peek().kind() == Kind.NEWLINE) {
      pos++;
    }
  }

  private Token peek() {
    return tokens.get(Math.min(pos, tokens.size() - 1));
  }

  private Token next() {
    Token t = peek();
    if (pos < tokens.size() - 1) {
      pos++;
    }
    return t;
  }

  private Token expect(String punct) throws ConfigParseException {
    Token t = next();
    if (!t.is(punct)) {
      throw new ConfigParseException("line " + t.line() + ": expected '" + punct + "', found '"
          + (t.kind() == Kind.NEWLINE ? "new line" : t.text()) + "'");
    }
    return t;
  }

  private ConfigParseException error(String message) {
    return new ConfigParseException("line " + peek().line() + ": " + message);
  }
}
