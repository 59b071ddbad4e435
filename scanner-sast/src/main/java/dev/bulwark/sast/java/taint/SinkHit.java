package dev.bulwark.sast.java.taint;

import com.github.javaparser.ast.Node;
import dev.bulwark.sast.java.catalog.SinkFamily;

/** Untrusted data that is still dangerous for {@code family} reached {@code sink} at {@code node}. */
public record SinkHit(SinkFamily family, String sink, Node node) {}
