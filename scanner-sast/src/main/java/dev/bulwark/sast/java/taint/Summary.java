package dev.bulwark.sast.java.taint;

import java.util.List;

/** What a call returns and the sinks its arguments reach inside the callee. */
public record Summary(Val returned, List<SinkHit> hits) {
  public static final Summary NOTHING = new Summary(Val.CLEAN, List.of());
}
