package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.v1.Scope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** pom.xml, gradle.lockfile and Gradle verification metadata. */
class MavenManifestsTest {
  private final LockfileParser pom = new MavenPomParser();

  @Test
  @DisplayName("pom: versions from the local parent's properties and dependencyManagement; unknown ones are problems")
  void parentChainByRelativePath() {
    ParseResult r = Trees.parse(pom, "maven/pom/with-parent.xml");

    assertThat(r.packages()).extracting(InstalledPackage::name, InstalledPackage::version)
        .containsExactly(tuple("org.alice:alice", "1.0.0"), tuple("org.bob:bob", "2.0.0"), tuple("org.chuck:chuck", "3.0.0"));
    assertThat(r.problems()).containsExactly(
        "maven/pom/with-parent.xml:32: version of org.frank:frank unresolved (not declared; perhaps managed by an"
            + " imported BOM whose content is not in the tree: org.import:import:1.2.3)");
  }

  @Test
  @DisplayName("pom: default ../pom.xml parent, nested properties, ${project.*}, managed scope, system/optional scopes")
  void defaultParentAndScopes() {
    ParseResult r = Trees.parse(pom, Trees.own(), "maven/parent-default/child/pom.xml");

    assertThat(r.problems()).isEmpty();
    assertThat(r.packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope, InstalledPackage::line)
        .containsExactly(tuple("io.netty:netty-codec-http", "4.1.94.Final", Scope.RUNTIME, 11),
            tuple("org.mockito:mockito-core", "5.2.0", Scope.TEST, 15),
            tuple("org.example:sibling", "3.1.0", Scope.RUNTIME, 19),
            tuple("com.sun:tools", "1.8", Scope.PROVIDED, 24),
            tuple("org.yaml:snakeyaml", "1.33", Scope.OPTIONAL, 30));
  }

  @Test
  @DisplayName("pom: ${project.version} of a child without <version> comes from up the parent chain")
  void projectVersionFromParentChain() {
    assertThat(Trees.parse(pom, "maven/pom/project-version-from-parent/child/pom.xml").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version)
        .containsExactly(tuple("org.example:example-api", "2.0.0"));
    ParseResult zeppelin = Trees.parse(pom, "maven/pom/zeppelin-server/pom.xml");
    assertThat(zeppelin.problems()).isEmpty();
    assertThat(zeppelin.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope)
        .contains(tuple("org.apache.zeppelin:zeppelin-zengine", "0.11.1", Scope.RUNTIME),
            tuple("com.fasterxml.jackson.core:jackson-databind", "2.12.6.1", Scope.RUNTIME),
            tuple("org.eclipse.jetty:jetty-webapp", "9.4.52.v20230823", Scope.RUNTIME),
            tuple("org.mockito:mockito-core", "3.12.4", Scope.TEST),
            tuple("org.apache.hadoop:hadoop-yarn-api", "2.7.7", Scope.PROVIDED));
  }

  @Test
  @DisplayName("pom: a version range or an undefined property is reported, never guessed")
  void rangesAndUndefinedPropertiesAreProblems() {
    ParseResult ranged = Trees.parse(pom, "maven/pom/interpolation.xml");
    assertThat(ranged.packages()).extracting(InstalledPackage::name, InstalledPackage::version)
        .containsExactly(tuple("org.mine:mypackage", "1.0.0"), tuple("org.mine:my.package", "2.3.4"));
    assertThat(ranged.problems()).singleElement().asString().contains("org.mine:ranged-package", "range");
    ParseResult undefined = Trees.parse(pom, Trees.own(), "maven/unresolved/pom.xml");
    assertThat(undefined.problems()).containsExactly(
        "maven/unresolved/pom.xml:6: version of org.example:from-remote-parent unresolved (${not.defined.anywhere})");
    assertThat(undefined.packages()).extracting(InstalledPackage::name).containsExactly("org.example:fine");
  }

  @Test
  @DisplayName("pom: plugin dependencies are not project dependencies; activeByDefault profiles are; no groupId → dropped")
  void whatCountsAsADependency() {
    assertThat(Trees.parse(pom, "maven/pom/plugin-dependency.xml").packages()).extracting(InstalledPackage::name)
        .containsExactly("com.example:hijack-lib");
    assertThat(Trees.parse(pom, "maven/pom/profiles.xml").packages()).extracting(InstalledPackage::name)
        .containsExactly("org.profile:profile-dep");
    assertThat(Trees.parse(pom, "maven/pom/interpolate-drop.xml").packages()).extracting(InstalledPackage::name)
        .containsExactly("com.example:actual-artifact");
    assertThat(Trees.parse(pom, "maven/pom/encoding.xml").packages()).extracting(InstalledPackage::name)
        .containsExactly("junit:junit");
  }

  @Test
  @DisplayName("pom: a parent cycle through relativePath terminates")
  void parentCycleTerminates() {
    assertThat(Trees.parse(pom, Trees.own(), "maven/parent-cycle/a/pom.xml").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version).containsExactly(tuple("org.a:dep", "2.0"));
  }

  @Test
  @DisplayName("gradle.lockfile: test-only configurations → TEST; comments, junk and empty= are skipped")
  void gradleLockfile() {
    LockfileParser gradle = new GradleLockfileParser();
    assertThat(Trees.parse(gradle, "maven/gradle-lockfile/happy.lockfile").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope, InstalledPackage::line)
        .containsExactly(tuple("cglib:cglib-nodep", "2.1.2", Scope.RUNTIME, 4), tuple("junit:junit", "4.13.2", Scope.TEST, 5),
            tuple("org.springframework:spring-asm", "3.1.3.RELEASE", Scope.RUNTIME, 6),
            tuple("org.springframework:spring-beans", "5.0.5.RELEASE", Scope.RUNTIME, 7));
    assertThat(Trees.parse(gradle, "maven/gradle-lockfile/with-bad-pkg").packages()).extracting(InstalledPackage::name)
        .containsExactly("org.springframework.boot:spring-boot-autoconfigure",
            "org.springframework.boot:spring-boot-configuration-processor");
  }

  @Test
  @DisplayName("verification-metadata.xml: single-quoted attributes read; components missing an attribute skipped")
  void gradleVerificationMetadata() {
    LockfileParser verification = new GradleVerificationMetadataParser();
    assertThat(Trees.parse(verification, "maven/gradle-verification/single-quotes.xml").packages())
        .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::line)
        .containsExactly(tuple("org.apache.pdfbox:pdfbox", "2.0.17", 5));
    assertThat(Trees.parse(verification, "maven/gradle-verification/missing-attribute.xml").packages()).isEmpty();
  }
  @Test
  @DisplayName("pom: a version left to an imported BOM that is not in the tree is a problem naming the BOM")
  void versionsFromAnImportedBomAreNamed() {
    String xml = """
        <project>
          <groupId>org.example</groupId><artifactId>app</artifactId><version>1</version>
          <properties><grpc.version>1.85.1</grpc.version></properties>
          <dependencyManagement><dependencies>
            <dependency><groupId>io.grpc</groupId><artifactId>grpc-bom</artifactId><version>${grpc.version}</version>
              <type>pom</type><scope>import</scope></dependency>
          </dependencies></dependencyManagement>
          <dependencies>
            <dependency><groupId>io.grpc</groupId><artifactId>grpc-stub</artifactId></dependency>
          </dependencies>
        </project>
        """;
    ParseResult r = pom.parse("pom.xml", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), path -> java.util.Optional.empty());
    assertThat(r.packages()).isEmpty();
    assertThat(r.problems()).containsExactly("pom.xml:9: version of io.grpc:grpc-stub unresolved (not declared;"
        + " perhaps managed by an imported BOM whose content is not in the tree: io.grpc:grpc-bom:1.85.1)");
  }
}
