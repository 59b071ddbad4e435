package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.Objects;

/**
 * Compile-time evaluation of operators on known constants, so that {@code if ((7 * 42) - num >
 * 200)} with {@code int num = 86} is recognised as always true and its else branch as dead.
 * Returns null when the result is not known.
 */
final class Constants {
  private Constants() {}

  static Object binary(BinaryExpr.Operator op, Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    if (op == BinaryExpr.Operator.PLUS && (a instanceof String || b instanceof String)) {
      return String.valueOf(a) + b;
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return switch (op) {
        case AND -> x && y;
        case OR -> x || y;
        case EQUALS -> x.equals(y);
        case NOT_EQUALS -> !x.equals(y);
        case XOR -> x ^ y;
        default -> null;
      };
    }
    Long x = number(a);
    Long y = number(b);
    if (x == null || y == null) {
      return switch (op) {
        case EQUALS -> Objects.equals(a, b);
        case NOT_EQUALS -> !Objects.equals(a, b);
        default -> null;
      };
    }
    return switch (op) {
      case PLUS -> x + y;
      case MINUS -> x - y;
      case MULTIPLY -> x * y;
      case DIVIDE -> y == 0 ? null : x / y;
      case REMAINDER -> y == 0 ? null : x % y;
      case LESS -> x < y;
      case LESS_EQUALS -> x <= y;
      case GREATER -> x > y;
      case GREATER_EQUALS -> x >= y;
      case EQUALS -> x.longValue() == y.longValue();
      case NOT_EQUALS -> x.longValue() != y.longValue();
      case BINARY_AND -> x & y;
      case BINARY_OR -> x | y;
      case XOR -> x ^ y;
      case LEFT_SHIFT -> x << y;
      case SIGNED_RIGHT_SHIFT -> x >> y;
      default -> null;
    };
  }

  static Object unary(UnaryExpr.Operator op, Object a) {
    if (a instanceof Boolean b && op == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return !b;
    }
    Long x = number(a);
    if (x == null) {
      return null;
    }
    return switch (op) {
      case MINUS -> -x;
      case PLUS -> x;
      case BITWISE_COMPLEMENT -> ~x;
      default -> null;
    };
  }

  /** Integral value of a number or char constant (doubles are not folded). */
  static Long number(Object o) {
    if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      return ((Number) o).longValue();
    }
    if (o instanceof Character c) {
      return (long) c;
    }
    return null;
  }

  /** Whether two constants are equal as Java's == would see them (chars compare as numbers). */
  static boolean same(Object a, Object b) {
    Long x = number(a);
    Long y = number(b);
    return x != null && y != null ? x.longValue() == y.longValue() : Objects.equals(a, b);
  }
}
