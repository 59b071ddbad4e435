package dev.bulwark.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.v1.Finding;
import java.util.List;

/**
 * GitLab SAST report ({@code artifacts:reports:sast}): the code, secret and configuration
 * findings (those without a package), located by file and lines. Secrets go here too, since
 * bulwark finds them in the same pass as code.
 */
final class GitLabSastReport extends GitLabReport {
  @Override
  String type() {
    return "sast";
  }

  @Override
  List<String> scanners() {
    return List.of("sast");
  }

  @Override
  boolean carries(Finding f) {
    return !Findings.isDependency(f) && !Findings.path(f).isEmpty();
  }

  @Override
  ObjectNode location(Finding f) {
    var location = JsonReport.MAPPER.createObjectNode();
    location.put("file", Findings.path(f));
    int start = f.getLocation().getStartLine();
    if (start > 0) {
      location.put("start_line", start);
      location.put("end_line", Math.max(start, f.getLocation().getEndLine()));
    }
    return location;
  }
}
