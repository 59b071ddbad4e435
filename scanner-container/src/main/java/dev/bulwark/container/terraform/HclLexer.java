package dev.bulwark.container.terraform;

import dev.bulwark.container.check.ConfigParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits HCL (Terraform's native syntax) into tokens with their lines: identifiers, numbers,
 * quoted templates (with {@code ${...}} interpolations kept as text), here-documents
 * ({@code <<EOF} and {@code <<-EOF}), punctuation and significant newlines. Comments
 * ({@code #}, {@code //}, {@code /* * /}) are dropped.
 */
final class HclLexer {
  enum Kind { IDENT, NUMBER, STRING, HEREDOC, PUNCT, NEWLINE, EOF }

  record Token(Kind kind, String text, int line) {
    boolean is(String punct) {
      return kind == Kind.PUNCT && text.equals(punct);
    }
  }

  private static final String[] OPERATORS = {"==", "!=", "<=", ">=", "&&", "||", "=>", "..."};

  private final String src;
  private int pos;
  private int line = 1;

  private HclLexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String src) throws ConfigParseException {
    return new HclLexer(src.replace("\r\n", "\n")).run();
  }

  private List<Token> run() throws ConfigParseException {
    var out = new ArrayList<Token>();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        out.add(new Token(Kind.NEWLINE, "\n", line++));
        pos++;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#' || c == '/' && peek(1) == '/') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && peek(1) == '*') {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
          throw new ConfigParseException("line " + line + ": unterminated /* comment");
        }
        line += count(src.substring(pos, end), '\n');
        pos = end + 2;
      } else if (c == '"') {
        out.add(string());
      } else if (c == '<' && peek(1) == '<' && (Character.isLetter(peek(2)) || peek(2) == '-')) {
        out.add(heredoc());
      } else if (Character.isLetter(c) || c == '_') {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
            || src.charAt(pos) == '-')) {
          pos++;
        }
        out.add(new Token(Kind.IDENT, src.substring(start, pos), line));
      } else if (Character.isDigit(c)) {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
          pos++;
        }
        out.add(new Token(Kind.NUMBER, src.substring(start, pos), line));
      } else {
        String op = null;
        for (String o : OPERATORS) {
          if (src.startsWith(o, pos)) {
            op = o;
            break;
          }
        }
        op = op == null ? String.valueOf(c) : op;
        out.add(new Token(Kind.PUNCT, op, line));
        pos += op.length();
      }
    }
    out.add(new Token(Kind.EOF, "", line));
    return out;
  }

  /** A quoted template; escapes decoded, interpolations kept verbatim. */
  private Token string() throws ConfigParseException {
    int startLine = line;
    var sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw new ConfigParseException("line " + startLine + ": unterminated string");
      }
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(Kind.STRING, sb.toString(), startLine);
      } else if (c == '\\' && pos + 1 < src.length()) {
        char e = src.charAt(pos + 1);
        sb.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
        pos += 2;
      } else if ((c == '$' || c == '%') && peek(1) == '{') {
        int depth = 0;
        int start = pos;
        do {
          char d = src.charAt(pos);
          if (d == '{') {
            depth++;
          } else if (d == '}') {
            depth--;
          } else if (d == '\n') {
            line++;
          }
          pos++;
        } while (depth > 0 && pos < src.length());
        sb.append(src, start, pos);
      } else {
        sb.append(c);
        pos++;
      }
    }
  }

  private Token heredoc() throws ConfigParseException {
    int startLine = line;
    pos += 2;
    boolean indented = peek(0) == '-';
    if (indented) {
      pos++;
    }
    int start = pos;
    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    String marker = src.substring(start, pos);
    int nl = src.indexOf('\n', pos);
    if (marker.isEmpty() || nl < 0) {
      throw new ConfigParseException("line " + startLine + ": malformed here-document");
    }
    pos = nl + 1;
    line++;
    var body = new StringBuilder();
    while (pos < src.length()) {
      int end = src.indexOf('\n', pos);
      String l = end < 0 ? src.substring(pos) : src.substring(pos, end);
      pos = end < 0 ? src.length() : end;
      if (l.strip().equals(marker)) {
        return new Token(Kind.HEREDOC, body.toString(), startLine);
      }
      body.append(indented ? l.stripLeading() : l).append('\n');
      if (end >= 0) {
        pos++;
        line++;
      }
    }
    throw new ConfigParseException("line " + startLine + ": here-document " + marker + " is not terminated");
  }

  private char peek(int ahead) {
    return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(ch -> ch == c).count();
  }
}
