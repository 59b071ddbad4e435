package dev.bulwark.advisories.advisory.secdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.advisories.advisory.AdvisoryIndex;
import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.advisory.OsvRecord;
import dev.bulwark.advisories.advisory.Vulnerability;
import dev.bulwark.common.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alpine secdb documents become OSV records the advisory store imports and the index matches. */
class AlpineSecdbSourceTest {
  static final Path LEGACY = SharedFixtures.shared().resolve("osv-os/alpine-secdb-legacy");
  static final Path VULN_LIST = SharedFixtures.shared().resolve("osv-os/alpine-vuln-list-3.22-main");

  @TempDir
  Path data;

  private static Path resource(String name) throws Exception {
    return Path.of(AlpineSecdbSourceTest.class.getResource("/secdb/" + name).toURI());
  }

  private static List<String> affecting(AdvisoryIndex index, String eco, String name, String version) {
    return index.affecting(eco, name, version).stream().map(m -> m.record().id()).sorted().toList();
  }

  @Test
  @DisplayName("the legacy secdb imports through importFrom(Path): openssl 1.1.1c-r0 on v3.10 has the 1.1.1d-r0 CVEs")
  void legacySecdbImportsThroughTheCliPath() throws Exception {
    var store = AdvisoryStore.open(data);
    var result = store.importFrom(LEGACY);
    assertThat(result.problems()).isEmpty();
    assertThat(result.ecosystemsChanged()).containsExactly("Alpine");
    assertThat(result.recordsRead()).isGreaterThan(3000);
    var index = store.index();
    assertThat(index.covers("Alpine:v3.10")).isTrue();
    assertThat(index.covers("Alpine:v3.99")).isFalse();
    assertThat(affecting(index, "Alpine:v3.10", "openssl", "1.1.1c-r0")).contains(
        "ALPINE-v3.10-openssl-CVE-2019-1547", "ALPINE-v3.10-openssl-CVE-2019-1549",
        "ALPINE-v3.10-openssl-CVE-2019-1563");
    assertThat(affecting(index, "Alpine:v3.10", "openssl", "1.1.1d-r0"))
        .doesNotContain("ALPINE-v3.10-openssl-CVE-2019-1547");
    var vulns = Vulnerability.merge(index.affecting("Alpine:v3.10", "openssl", "1.1.1c-r0"), index,
        "Alpine:v3.10", "openssl", "1.1.1c-r0");
    assertThat(vulns).filteredOn(v -> v.aliases().contains("CVE-2019-1547")).singleElement()
        .satisfies(v -> assertThat(v.fixedVersions()).first().isEqualTo("1.1.1d-r0"));
    // the release is kept apart: v3.9's openssl records do not leak into v3.10 queries
    assertThat(affecting(index, "Alpine:v3.10", "openssl", "1.1.1c-r0")).allMatch(id -> id.startsWith("ALPINE-v3.10-"));
  }

  @Test
  @DisplayName("re-importing the same secdb changes nothing")
  void reImportIsIdempotent() throws Exception {
    var store = AdvisoryStore.open(data);
    store.importFrom(LEGACY);
    var before = store.ecosystems();
    var again = AdvisoryStore.open(data).importFrom(LEGACY);
    assertThat(again.ecosystemsChanged()).isEmpty();
    assertThat(AdvisoryStore.open(data).ecosystems()).isEqualTo(before);
  }

  @Test
  @DisplayName("vuln-list JSON (one origin per file) imports; its \"0\" entries are not affected")
  void vulnListJsonImports() throws Exception {
    var store = AdvisoryStore.open(data);
    var result = store.importFrom(new AlpineSecdbSource(VULN_LIST));
    assertThat(result.problems()).isEmpty();
    var index = store.index();
    assertThat(affecting(index, "Alpine:v3.22", "openssl", "1.1.1c-r0")).contains("ALPINE-v3.22-openssl-CVE-2019-1547");
    assertThat(index.recordsFor("Alpine:v3.22", "openssl")).extracting(OsvRecord::id)
        .doesNotContain("ALPINE-v3.22-openssl-CVE-2022-1292");
  }

  @Test
  @DisplayName("a vuln-list folder imports through importFrom(Path) exactly as through AlpineSecdbSource")
  void vulnListFolderThroughLocalOsvSource() throws Exception {
    var store = AdvisoryStore.open(data);
    var viaPath = store.importFrom(VULN_LIST);
    assertThat(viaPath.problems()).isEmpty();
    var viaSource = AdvisoryStore.open(data.resolve("other")).importFrom(new AlpineSecdbSource(VULN_LIST));
    assertThat(viaPath.recordsRead()).isEqualTo(viaSource.recordsRead()).isPositive();
    assertThat(store.index().recordsFor("Alpine:v3.22", "zlib")).isNotEmpty();
  }

  @Test
  @DisplayName("a secfixes line's ids become aliases, an id fixed twice keeps the lowest fix, \"0\" gives no record")
  void conversionRules() throws Exception {
    var records = new ArrayList<OsvRecord>();
    var problems = new ArrayList<String>();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    new AlpineSecdbSource(resource("happy")).read((o, b) -> {
      try {
        records.add(json.readValue(b, OsvRecord.class));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }, problems);
    assertThat(problems).isEmpty();
    assertThat(records).extracting(OsvRecord::id).containsExactlyInAnyOrder(
        "ALPINE-v3.12-xen-CVE-2017-8904", "ALPINE-v3.12-xen-XSA-207", "ALPINE-v3.12-demo-CVE-2020-0001");
    var xsa214 = records.stream().filter(r -> r.id().equals("ALPINE-v3.12-xen-CVE-2017-8904")).findFirst().orElseThrow();
    assertThat(xsa214.aliases()).containsExactly("CVE-2017-8904", "XSA-214");
    var affected = xsa214.affected().get(0);
    assertThat(affected.pkg().ecosystem()).isEqualTo("Alpine:v3.12");
    assertThat(affected.pkg().name()).isEqualTo("xen");
    assertThat(affected.ranges().get(0).events()).extracting(OsvRecord.Event::version).containsExactly("0", "4.13.1-r0");
  }

  @Test
  @DisplayName("broken documents are reported and the good entries around them still import")
  void brokenInputIsReportedNotThrown() throws Exception {
    var store = AdvisoryStore.open(data);
    var result = store.importFrom(new AlpineSecdbSource(resource("broken")));
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("cannot read fixed version 'not a version!'"))
        .anySatisfy(p -> assertThat(p).contains("secdb package without a name"))
        .anySatisfy(p -> assertThat(p).contains("garbled.yaml"));
    assertThat(store.index().recordsFor("Alpine:v3.12", "demo")).extracting(OsvRecord::id)
        .containsExactly("ALPINE-v3.12-demo-CVE-2020-0003");
  }

  @Test
  @DisplayName("a record's JSON is byte-for-byte fixed (the store hashes it: re-imports in a new JVM must match)")
  void recordJsonIsDeterministic() throws Exception {
    var out = new java.util.TreeMap<String, String>();
    new AlpineSecdbSource(resource("happy")).read((o, b) -> out.put(o.substring(o.indexOf('!') + 1),
        new String(b, java.nio.charset.StandardCharsets.UTF_8)), new ArrayList<>());
    assertThat(out.get("ALPINE-v3.12-demo-CVE-2020-0001")).isEqualTo("{\"schema_version\":\"1.6.0\","
        + "\"id\":\"ALPINE-v3.12-demo-CVE-2020-0001\",\"aliases\":[\"CVE-2020-0001\"],"
        + "\"summary\":\"CVE-2020-0001 in demo (Alpine v3.12)\","
        + "\"details\":\"Alpine's security database for v3.12/main lists CVE-2020-0001 as fixed in demo 1.2.3-r1.\","
        + "\"affected\":[{\"package\":{\"ecosystem\":\"Alpine:v3.12\",\"name\":\"demo\","
        + "\"purl\":\"pkg:apk/alpine/demo?distro=3.12\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
        + "\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.2.3-r1\"}]}],"
        + "\"database_specific\":{\"source\":\"alpine-secdb\",\"repository\":\"main\"}}],"
        + "\"references\":[{\"type\":\"ADVISORY\",\"url\":\"https://security.alpinelinux.org/vuln/CVE-2020-0001\"}],"
        + "\"database_specific\":{\"source\":\"alpine-secdb\",\"converter_version\":\"1\"}}");
  }

  @Test
  void idsOfASecfixesLine() {
    assertThat(SecdbConverter.ids("CVE-2017-8904 XSA-214")).containsExactly("CVE-2017-8904", "XSA-214");
    assertThat(SecdbConverter.ids("  ")).isEmpty();
    assertThat(SecdbConverter.release("3.22")).isEqualTo("v3.22");
  }
}
