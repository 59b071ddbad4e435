package dev.bulwark.sca.maven;

import java.util.List;

/**
 * What resolving one Maven project (or one set of declared coordinates) gave.
 *
 * @param dependencies the graph Maven would use, flattened, in depth-first order
 * @param problems     what could not be resolved and why, one line each (empty when complete)
 * @param modelBuilt   false when the project's own model could not be built (its parent or an
 *                     imported BOM missing): the graph is then empty and the caller falls back to
 *                     what the pom declares literally
 * @param reproducible true when resolving again would give the same graph: complete (no problem),
 *                     and made of released versions only, outside the tree (no SNAPSHOT, no version
 *                     range: what a repository serves for those changes over time)
 */
public record Resolution(List<ResolvedDependency> dependencies, List<String> problems, boolean modelBuilt,
    boolean reproducible) {
  public Resolution {
    dependencies = List.copyOf(dependencies);
    problems = List.copyOf(problems);
    reproducible = reproducible && modelBuilt && problems.isEmpty();
  }
}
