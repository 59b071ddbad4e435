package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.Node;
import dev.bulwark.sast.java.catalog.SinkFamily;
import java.util.List;

/**
 * Untrusted data that is still dangerous for {@code family} reached {@code sink} at {@code node}.
 *
 * @param kinds the source kinds of the data that reached it (among those the family reports)
 * @param cwe   the sink's own CWE list, or null for the family's
 */
public record SinkHit(SinkFamily family, String sink, Node node, int kinds, List<Integer> cwe) {
  /** The same hit, reported at another node (a call that leads to it) under another description. */
  SinkHit at(Node where, String description) {
    return new SinkHit(family, description, where, kinds, cwe);
  }
}
