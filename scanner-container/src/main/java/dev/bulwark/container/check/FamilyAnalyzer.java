package dev.bulwark.container.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Shared shape of the configuration analyzers: parse one file into a model, run an explicit list
 * of check families over it. The analyzer's version combines its own and its families' versions.
 *
 * @param <M> the parsed model
 */
public abstract class FamilyAnalyzer<M> implements ConfigAnalyzer {
  private final List<CheckFamily<M>> families;

  protected FamilyAnalyzer(List<CheckFamily<M>> families) {
    this.families = List.copyOf(families);
  }

  /** Version of the parser; bump it when parsing changes results. */
  protected abstract String parserVersion();

  protected abstract M parse(String path, String text) throws ConfigParseException;

  public List<CheckFamily<M>> families() {
    return families;
  }

  @Override
  public String version() {
    var v = new StringBuilder(parserVersion());
    families.forEach(f -> v.append('.').append(f.version()));
    return v.toString();
  }

  @Override
  public List<CheckSpec> checks() {
    // A check may be raised by two families (pod- and container-level KSV-0118): list it once.
    var byId = new java.util.LinkedHashMap<String, CheckSpec>();
    families.forEach(f -> f.checks().forEach(c -> byId.putIfAbsent(c.id(), c)));
    return List.copyOf(byId.values());
  }

  @Override
  public List<CheckSpec.Hit> analyze(String path, String text) throws ConfigParseException {
    return run(parse(path, text));
  }

  /** Runs every family over a parsed model. */
  protected List<CheckSpec.Hit> run(M model) {
    var hits = new ArrayList<CheckSpec.Hit>();
    for (var family : families) {
      hits.addAll(family.check(model));
    }
    return hits;
  }

  /** The file name part of a '/'-separated path. */
  protected static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
