package dev.bulwark.container.dockerfile;

import java.util.List;

/** A parsed Dockerfile: its instructions in order, and its build stages. */
public record Dockerfile(List<Instruction> instructions, List<Stage> stages) {

  /**
   * A build stage, from its FROM to the next.
   *
   * @param from  the FROM instruction
   * @param image the base image reference as written ("node:14", "scratch", an earlier stage's alias)
   * @param alias the {@code AS} name, or empty
   */
  public record Stage(int index, Instruction from, String image, String alias, List<Instruction> instructions) {}

  /** The stage whose result is the built image. */
  public Stage lastStage() {
    return stages.get(stages.size() - 1);
  }

  /** True when the image names an earlier stage rather than a registry image. */
  public boolean isStageAlias(String image, int beforeStage) {
    return stages.stream().limit(beforeStage).anyMatch(s -> s.alias().equalsIgnoreCase(image));
  }
}
