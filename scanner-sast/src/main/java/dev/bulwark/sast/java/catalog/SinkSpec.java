package dev.bulwark.sast.java.catalog;

import java.util.List;
import java.util.Set;

/**
 * Where untrusted data must not arrive: a call of one of {@code methods} on one of
 * {@code receivers} (receiver of unknown type: its last name segment contains one of
 * {@code nameHints}), a constructor of one of {@code constructors}, or a {@code Type.method} call
 * of {@code statics}. {@code argument} is the dangerous argument's index, -1 for any,
 * {@link #RECEIVER} for the receiver itself; {@code arguments}, when not empty, lists several. When {@code whenArgument} is not negative, the sink
 * applies only when that argument is the constant {@code whenEquals}. {@code cwe}, when not null,
 * replaces the family's CWE list.
 */
public record SinkSpec(SinkFamily family, Set<String> receivers, List<String> nameHints, Set<String> methods,
    Set<String> constructors, Set<String> statics, int argument, Set<Integer> arguments, int whenArgument,
    String whenEquals, List<Integer> cwe) {
  public static final int ANY = -1;
  public static final int RECEIVER = -2;

  /** Whether the value at argument {@code index} is dangerous here. */
  public boolean watches(int index) {
    return arguments.isEmpty() ? argument == ANY || argument == index : arguments.contains(index);
  }
}
