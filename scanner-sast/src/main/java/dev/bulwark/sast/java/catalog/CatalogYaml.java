package dev.bulwark.sast.java.catalog;

import java.util.List;
import java.util.Map;

/** The shape of {@code taint.yaml}, as Jackson reads it (see the file for what each field means). */
record CatalogYaml(String version, List<FamilyYaml> families, Map<String, RoleYaml> roles, List<SourceYaml> sources,
    List<SinkYaml> sinks, List<SanitiserYaml> sanitisers, PropagatorsYaml propagators,
    List<ResultTypeYaml> resultTypes) {

  record FamilyYaml(String id, String rule, String title, List<Integer> cwe, String severity, String remediation) {}

  record RoleYaml(List<String> types, List<String> suffixes, List<String> names) {}

  record SourceYaml(String kind, String receiver, List<String> methods, String methodPattern,
      List<String> parameterAnnotations) {}

  record SinkYaml(String family, List<String> receivers, List<String> nameHints, List<String> methods,
      List<String> constructors, List<String> statics, Integer argument) {}

  record SanitiserYaml(List<String> methods, List<String> clears) {}

  record PropagatorsYaml(List<String> clean, List<String> parsingTypes, List<String> mutators, List<String> lists,
      List<String> maps) {}

  record ResultTypeYaml(List<String> methods, String receiver, String type) {}
}
