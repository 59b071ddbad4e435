package dev.bulwark.gate.suppression;

import java.util.List;

/** Where central suppressions are kept (implemented with JDBI in {@code db}). */
public interface SuppressionStore {
  void add(CentralSuppression suppression);

  /** A project's suppressions, expired ones included, oldest first. */
  List<CentralSuppression> list(String project);

  /** False when no suppression has this id. */
  boolean remove(String id);
}
