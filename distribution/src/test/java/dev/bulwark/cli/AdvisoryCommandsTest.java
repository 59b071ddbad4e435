package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.common.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("bulwark explain, versions and db update")
class AdvisoryCommandsTest {
  @TempDir
  Path home;

  CliRun run(String... args) {
    return CliRun.run(home, List.of(), args);
  }

  CliRun runWithInput(String stdin, String... args) {
    return CliRun.withInput(home, List.of(), stdin, args);
  }

  @ParameterizedTest(name = "{0}: {1} {3} {2}")
  @CsvSource(delimiter = ' ', value = {
      "Maven 1.0-alpha-1 1.0 <", "Maven 1.0 1.0.0 =", "Maven 1.0-sp1 1.0 >", "Maven 1.0-RC1 1.0-SNAPSHOT <",
      "PyPI 1.0.dev1 1.0a1 <", "PyPI 1!1.0 2.0 >", "PyPI 1.0.post1 1.0 >", "PyPI 1.0+local 1.0 >",
      "npm 1.0.0-alpha 1.0.0-alpha.1 <", "npm 1.0.0+build 1.0.0 =", "Go v1.2.3 v1.10.0 <",
      "Go v2.0.0+incompatible v1.9.0 >", "RubyGems 1.0.a 1.0 <", "NuGet 1.0.0.0 1.0 =",
      "NuGet 1.0.0-Beta 1.0.0-beta =", "Debian 1:1.0 2.0 >", "Debian 1.0~rc1 1.0 <", "Alpine 1.2.3_rc1 1.2.3 <",
      "Alpine 1.0-r1 1.0-r10 <", "crates.io 0.9.0 0.10.0 <", "Packagist 1.0.0-beta 1.0.0-RC1 <",
      "CRAN 0.9 0.75 <", "CRAN 0.01.0 0.1-0 =", "Hackage 1.0.0 1.0 >", "Pub 1.0.0 1.0.0+build <",
      "AlmaLinux a:1 b:1 <", "Maven 2.9.0-1 2.9.0.RC1 <", "RubyGems 1 1beta >"})
  void compareUsesEachEcosystemsOrder(String ecosystem, String a, String b, String expected) {
    var r = run("versions", "compare", "--ecosystem", ecosystem, a, b);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo(expected);
  }

  @Test
  void stdinComparesLineByLineAndMarksUnparsableLinesWithoutStopping() {
    var r = runWithInput("1.0 2.0\n2.0 1.0\n1.0 1.0.0\nnot a version\n1!0 0.9\n",
        "versions", "compare", "--ecosystem", "PyPI", "--stdin");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("<", ">", "=", "!", ">");
    assertThat(r.err()).contains("line 4");
  }

  @Test
  void stdinHandlesALargeListInOneProcess() {
    String input = IntStream.range(0, 20_000).mapToObj(i -> "1." + i + ".0 1." + (i + 1) + ".0")
        .collect(Collectors.joining("\n"));
    var r = runWithInput(input, "versions", "compare", "--ecosystem", "npm", "--stdin");
    assertThat(r.out().lines()).hasSize(20_000).containsOnly("<");
  }

  @Test
  void sortOrdersVersionsAscending() {
    var r = runWithInput("1.10.0\n1.2.0\n1.2.0-rc.1\n1.2.0-beta\n", "versions", "sort", "--ecosystem", "npm");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("1.2.0-beta", "1.2.0-rc.1", "1.2.0", "1.10.0");
  }

  @Test
  void anUnknownEcosystemOrAnUnparsableVersionIsAClearErrorWithExit2() {
    var unknown = run("versions", "compare", "--ecosystem", "Cobol", "1", "2");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown ecosystem 'Cobol'");
    var bad = run("explain", "Maven:g:a@", "--advisories", SharedFixtures.osv().toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("ECOSYSTEM:NAME@VERSION");
  }

  @Test
  void explainShowsTheRangeEventsAndTheLowestFixedVersion() {
    var r = run("explain", "npm:lodash@4.17.15", "--advisory", "GHSA-p6mc-m468-83gw",
        "--advisories", SharedFixtures.osv().toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).containsOnlyOnce("GHSA-p6mc-m468-83gw").contains("introduced 3.7.0")
        .contains("fixed 4.17.19").contains("upgrade to 4.17.19");
  }

  @Test
  void explainSaysWhenAVersionIsOutsideEveryRange() {
    var r = run("explain", "Maven:org.apache.logging.log4j:log4j-core@2.17.1", "--advisory", "GHSA-jfh8-c2jp-5v3q",
        "--advisories", SharedFixtures.osv().toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("GHSA-jfh8-c2jp-5v3q").doesNotContain("upgrade to");
  }

  @Test
  void dbUpdateImportsOnceAndExplainThenWorksFromTheStore() {
    var first = run("db", "update", "--source", SharedFixtures.osv().toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("npm").contains("PyPI");
    var again = run("db", "update", "--source", SharedFixtures.osv().toString());
    assertThat(again.out()).contains("changed: nothing");
    var explain = run("explain", "PyPI:pyyaml@5.3");
    assertThat(explain.exitCode()).as(explain.err()).isZero();
    assertThat(explain.out()).contains("PYSEC-2021-142");
  }

  @Test
  void explainWithoutAnyAdvisoryDataSaysHowToGetSome() {
    var r = run("explain", "npm:lodash@4.17.15");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("bulwark db update");
  }
  static final String KEV_JSON = """
      {"title": "CISA Catalog of Known Exploited Vulnerabilities", "count": 2, "vulnerabilities": [
        {"cveID": "CVE-2021-44228", "vendorProject": "Apache", "product": "Log4j2", "dateAdded": "2021-12-10",
         "knownRansomwareCampaignUse": "Known"},
        {"cveID": "CVE-2022-22965", "vendorProject": "VMware", "product": "Spring", "dateAdded": "2022-04-04",
         "knownRansomwareCampaignUse": "Unknown"}]}
      """;
  static final String EPSS_CSV = """
      #model_version:v2025.03.14,score_date:2026-05-29T12:55:00Z
      cve,epss,percentile
      CVE-2021-44228,0.94358,0.99961
      CVE-2019-12086,0.31520,0.96612
      """;

  @Test
  @DisplayName("db update --kev/--epss take a file or a URL (gzipped EPSS too) and install what the gate can read")
  void intelFeedsFromFilesAndUrls() throws Exception {
    var gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(EPSS_CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/epss_scores-current.csv.gz", x -> {
      x.sendResponseHeaders(200, gz.size());
      x.getResponseBody().write(gz.toByteArray());
      x.close();
    });
    server.start();
    try {
      java.nio.file.Path kevFile = java.nio.file.Files.writeString(home.resolve("kev-download.json"), KEV_JSON);
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/epss_scores-current.csv.gz";
      var r = run("db", "update", "--kev", kevFile.toString(), "--epss", url);
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("installed 2 KEV catalog entries").contains("installed 2 EPSS scores entries");
      assertThat(java.nio.file.Files.readString(home.resolve("intel/epss.csv"))).contains("CVE-2019-12086,0.31520");
      assertThat(home.resolve("intel/kev.json")).exists();
    } finally {
      server.stop(0);
    }
  }

  @Test
  @DisplayName("a feed the gate cannot read is refused with a clear message and exit 2; the installed one stays")
  void unreadableFeedsAreRefused() throws Exception {
    java.nio.file.Path good = java.nio.file.Files.writeString(home.resolve("kev.json"), KEV_JSON);
    assertThat(run("db", "update", "--kev", good.toString()).exitCode()).isZero();
    java.nio.file.Path bad = java.nio.file.Files.writeString(home.resolve("not-kev.json"), "{\"hello\": \"world\"}");
    var r = run("db", "update", "--kev", bad.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("not-kev.json is not a KEV catalog the gate can read");
    assertThat(java.nio.file.Files.readString(home.resolve("intel/kev.json"))).contains("CVE-2021-44228");
    var missing = run("db", "update", "--epss", home.resolve("nope.csv").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("file not found");
  }
}
