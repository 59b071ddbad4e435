package dev.bulwark.sast.java.catalog;

import java.util.List;
import java.util.Set;

/**
 * Where untrusted data must not arrive: a call of one of {@code methods} on one of
 * {@code receivers} (receiver of unknown type: its last name segment contains one of
 * {@code nameHints}), a constructor of one of {@code constructors}, or a {@code Type.method} call
 * of {@code statics}. {@code argument} is the dangerous argument's index, -1 for any.
 */
public record SinkSpec(SinkFamily family, Set<String> receivers, List<String> nameHints, Set<String> methods,
    Set<String> constructors, Set<String> statics, int argument) {

  /** Whether the value at argument {@code index} of {@code count} is dangerous here. */
  public boolean watches(int index) {
    return argument < 0 || argument == index;
  }
}
