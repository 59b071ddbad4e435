package dev.bulwark.sast.java.catalog;

import java.util.List;
import java.util.Map;

/** The shape of {@code taint.yaml}, as Jackson reads it (see the file for what each field means). */
record CatalogYaml(String version, List<KindYaml> sourceKinds, List<FamilyYaml> families, Map<String, RoleYaml> roles,
    List<SourceYaml> sources, List<SinkYaml> sinks, List<SanitiserYaml> sanitisers, PropagatorsYaml propagators,
    List<ResultTypeYaml> resultTypes) {

  record KindYaml(String id, String confidence, Boolean remote, String label, String origin) {}

  record FamilyYaml(String id, String rule, String title, List<Integer> cwe, String severity, String remediation,
      List<String> kinds, ShapesYaml shapes) {}

  record ShapesYaml(List<Integer> prefixed, List<Integer> whole) {}

  record RoleYaml(List<String> types, List<String> suffixes, List<String> names) {}

  record SourceYaml(String kind, String receiver, List<String> receivers, List<String> methods, String methodPattern,
      List<String> statics, List<String> fields, List<String> constructors, List<String> parameterAnnotations,
      Boolean literals) {}

  record WhenYaml(Integer argument, String equals) {}

  record SinkYaml(String family, List<String> receivers, List<String> nameHints, List<String> methods,
      List<String> constructors, List<String> statics, Integer argument, List<Integer> arguments, WhenYaml when,
      List<Integer> cwe) {}

  record SanitiserYaml(List<String> methods, List<String> statics, String effect, List<String> clears) {}

  record PropagatorsYaml(List<String> clean, List<String> parsingTypes, List<String> mutators, List<String> fills,
      List<String> conversions, List<String> lists, List<String> maps) {}

  record ResultTypeYaml(List<String> methods, String receiver, String type) {}
}
