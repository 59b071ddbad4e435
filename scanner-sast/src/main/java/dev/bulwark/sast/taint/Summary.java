package dev.bulwark.sast.taint;

import java.util.List;

/**
 * What a function does with its parameters, computed once and applied at every call: which
 * labels reach its return value ({@link Label.Kind#PARAM} labels stand for the arguments), and
 * which parameters reach which sinks.
 */
public record Summary(Taint returns, List<SinkHit> sinks) {
  public static final Summary UNKNOWN = new Summary(Taint.NONE, List.of());

  /** Parameter {@code param}, cleansed for {@code cleansed} on the way, reaches the rule's sink at that line of that file. */
  public record SinkHit(int param, int cleansed, TaintRule rule, Module module, int line) {}
}
