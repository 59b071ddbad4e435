package dev.bulwark.server.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScanWorkspaceTest {
  @Test
  @DisplayName("versions from git history are kept apart from the tree's files, so no scanner mistakes them for the tree")
  void historyVersionsAreNotTreeFiles() {
    var manifest = Manifest.newBuilder()
        .addFiles(FileEntry.newBuilder().setPath("pom.xml"))
        .addFiles(FileEntry.newBuilder().setPath(".bulwark-history/0a1b2c").setHistoryCommit("c0ffee").setHistoryPath("pom.xml"))
        .addFiles(FileEntry.newBuilder().setPath("src/App.java"))
        .build();
    var ws = new ScanWorkspace(ScanTask.newBuilder().setManifest(manifest).build(), null, null);
    assertThat(ws.files()).extracting(FileEntry::getPath).containsExactly("pom.xml", "src/App.java");
    assertThat(ws.select(p -> p.endsWith(".xml"))).extracting(FileEntry::getPath).containsExactly("pom.xml");
    assertThat(ws.file(".bulwark-history/0a1b2c")).isEmpty();
    assertThat(ws.historyFiles()).extracting(FileEntry::getHistoryPath).containsExactly("pom.xml");
  }
}
