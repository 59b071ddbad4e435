package dev.bulwark.sast.taint;

import java.util.ArrayList;
import java.util.List;

/** The set of {@link Label}s a value carries (small and immutable; {@link #NONE} when clean). */
public final class Taint {
  public static final Taint NONE = new Taint(List.of());
  private static final int MAX_LABELS = 12;

  private final List<Label> labels;

  private Taint(List<Label> labels) {
    this.labels = labels;
  }

  public static Taint of(Label label) {
    return new Taint(List.of(label));
  }

  public List<Label> labels() {
    return labels;
  }

  public boolean isEmpty() {
    return labels.isEmpty();
  }

  public Taint union(Taint other) {
    if (other.labels.isEmpty() || other == this) {
      return this;
    }
    if (labels.isEmpty()) {
      return other;
    }
    var out = new ArrayList<>(labels);
    for (Label l : other.labels) {
      if (out.size() < MAX_LABELS && out.stream().noneMatch(l::sameAs)) {
        out.add(l);
      }
    }
    return out.size() == labels.size() ? this : new Taint(List.copyOf(out));
  }

  public Taint cleanse(int classes) {
    if (labels.isEmpty() || classes == 0) {
      return this;
    }
    return new Taint(labels.stream().map(l -> l.cleanse(classes)).toList());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Taint t) || t.labels.size() != labels.size()) {
      return false;
    }
    return labels.stream().allMatch(l -> t.labels.stream().anyMatch(l::sameAs));
  }

  @Override
  public int hashCode() {
    return labels.size();
  }

  @Override
  public String toString() {
    return labels.toString();
  }
}
