package dev.bulwark.container.check;

import java.util.List;

/**
 * A family of related checks over one parsed model (a Dockerfile, a Kubernetes workload, a
 * Terraform module). Versioned: change the version when the family's results change.
 *
 * @param <M> the parsed model the family inspects
 */
public interface CheckFamily<M> {
  String name();

  /**
   * Part of the cache keys of what this produces: "1" until its output for some input changes,
   * then the next number (override this method from then on).
   */
  default String version() {
    return "1";
  }

  List<CheckSpec> checks();

  List<CheckSpec.Hit> check(M model);
}
