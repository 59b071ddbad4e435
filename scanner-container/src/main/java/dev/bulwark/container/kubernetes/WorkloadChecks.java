package dev.bulwark.container.kubernetes;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.CheckSpec;
import java.util.ArrayList;
import java.util.List;

/** A check family that looks at one workload at a time. */
abstract class WorkloadChecks implements CheckFamily<List<Workload>> {

  @Override
  public final List<CheckSpec.Hit> check(List<Workload> workloads) {
    var hits = new ArrayList<CheckSpec.Hit>();
    for (var w : workloads) {
      check(w, hits);
    }
    return hits;
  }

  abstract void check(Workload w, List<CheckSpec.Hit> hits);

  static CheckSpec.Hit hit(CheckSpec spec, Workload w, int line, String message) {
    return spec.at(line, w.snippet(line), message);
  }
}
