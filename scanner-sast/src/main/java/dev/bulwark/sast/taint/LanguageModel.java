package dev.bulwark.sast.taint;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the shared taint engine knows about one language's frameworks, from its rule pack: the
 * conventional names and declared types of request objects, the access paths that are sources,
 * the calls that sanitise (and for which sink classes), the calls that look a key up in their
 * receiver ({@code map.get(key)}: the result is the receiver's data, whatever the key), whether a
 * method of a clean object variable ({@code $widget->show($v)}) returns a clean value (PHP), and the rules.
 */
public record LanguageModel(String language, List<String> requestNames, Pattern requestTypes,
    List<SourcePattern> sources, List<Sanitizer> sanitizers, Pattern lookups, boolean cleanMethodResults,
    List<TaintRule> rules) {

  /** A call whose canonical callee matches {@code callee} makes its result safe for {@code classes}. */
  public record Sanitizer(Pattern callee, int classes) {}
}
