package dev.bulwark.container.image;

import dev.bulwark.artifacts.GoBuildInfo;
import dev.bulwark.artifacts.GoElf;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Go executables in images: build info read from a hand-made ELF and from Debian's real Go programs. */
class GoBinariesTest {
  static final String MODINFO = """
      path\texample.com/tool/cmd/tool
      mod\texample.com/tool\t(devel)\t
      dep\tgithub.com/gorilla/mux\tv1.8.0\th1:i40aqfkR1h2SlN9hojwV5ZA91wcXFOvkdNIeFDP5koI=
      dep\tgolang.org/x/net\tv0.0.0-20200114155413-6afb5195e5aa\th1:abc=
      =>\tgolang.org/x/net\tv0.17.0\th1:def=
      dep\tgithub.com/local/thing\tv1.0.0\t
      =>\t../thing\t\t
      build\t-compiler=gc
      build\tGOOS=linux
      """;

  @TempDir
  Path tmp;
  private final ImageAnalyzer analyzer = new ImageAnalyzer(ImageLimits.defaults());

  static byte[] tool(int sectionOffset) throws Exception {
    return GoElf.executable(GoElf.buildInfo("go1.21.5", MODINFO), sectionOffset, 300 * 1024);
  }

  private ImageInventory scan(byte[] layer) throws Exception {
    return analyzer.analyze(new ImageBuilder().layer(layer).gzipped().dockerSave(tmp.resolve("img.tar")), "go:1");
  }

  @ParameterizedTest(name = "section at offset {0}")
  @ValueSource(ints = {0x1000, 64 * 1024 - 32, 200_000})
  @DisplayName("a hand-made ELF's .go.buildinfo gives stdlib and the dependency modules, replacements applied")
  void handMadeElfGivesStdlibAndDependencies(int offset) throws Exception {
    byte[] elf = tool(offset);
    Path file = Files.write(tmp.resolve("tool"), elf);
    assertThat(GoElf.sectionOffset(file, ".go.buildinfo")).contains((long) offset); // a well-formed ELF
    byte[] layer = new TarBuilder().executable("usr/local/bin/tool", elf).build();
    var inventory = scan(layer);
    assertThat(inventory.notes()).isEmpty();
    assertThat(inventory.packages())
        .extracting(InventoryPackage::ecosystem, InventoryPackage::name, InventoryPackage::version, InventoryPackage::path)
        .containsExactlyInAnyOrder(
            tuple("Go", "stdlib", "v1.21.5", "usr/local/bin/tool"),
            tuple("Go", "github.com/gorilla/mux", "v1.8.0", "usr/local/bin/tool"),
            tuple("Go", "golang.org/x/net", "v0.17.0", "usr/local/bin/tool"));
    assertThat(inventory.packages()).allSatisfy(p -> assertThat(p.layer()).isEqualTo(ImageBuilder.sha256(layer)));
  }

  @Test
  void onlyExecutableFilesAreExaminedAndSymlinksToThemAreNotCountedTwice() throws Exception {
    byte[] elf = tool(0x1000);
    var inventory = scan(new TarBuilder().file("usr/share/doc/tool.bin", elf).executable("usr/bin/tool", elf)
        .symlink("usr/bin/tool-alias", "tool").build());
    assertThat(inventory.packages()).extracting(InventoryPackage::path).containsOnly("usr/bin/tool");
    assertThat(inventory.packages()).hasSize(3);
  }

  @Test
  void garbageTruncatedAndOldFormatExecutablesNeverStopTheScan() throws Exception {
    byte[] good = tool(0x1000);
    byte[] random = new byte[300 * 1024];
    new Random(42).nextBytes(random);
    random[0] = 0x7f;
    random[1] = 'E';
    random[2] = 'L';
    random[3] = 'F';
    byte[] truncated = Arrays.copyOf(good, 0x1000 + 40); // inside the version string
    byte[] old = good.clone();
    old[0x1000 + 15] = 0; // flags: pointer format of Go 1.17 and before
    var inventory = scan(new TarBuilder().executable("bin/random", random).executable("bin/truncated", padded(truncated))
        .executable("bin/cut", truncated).executable("bin/old", old).executable("bin/good", good).build());
    assertThat(inventory.packages()).extracting(InventoryPackage::path).containsOnly("bin/good");
    assertThat(inventory.notes()).containsExactly("bin/old: Go build info in the pre-1.18 pointer format is not read");
  }

  /** The truncated bytes with zeros after them, so the file is large enough to be examined. */
  private static byte[] padded(byte[] b) {
    return Arrays.copyOf(b, 300 * 1024);
  }

  @Test
  void streamsEndingAnywhereGiveNothingRatherThanAnError() throws Exception {
    byte[] good = tool(0x1000);
    for (int cut : new int[] {0, 3, 4, 100, 0x1000, 0x1000 + 14, 0x1000 + 31, 0x1000 + 33, 0x1000 + 60}) {
      InputStream in = new ByteArrayInputStream(Arrays.copyOf(good, cut));
      assertThat(GoBuildInfo.read(in)).as("cut at %d", cut).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/usr/bin/umoci", "/usr/bin/skopeo"})
  @DisplayName("Debian's Go programs: the Go version found by streaming equals the one in the section named .go.buildinfo")
  void realDebianGoExecutables(String program) throws Exception {
    Path binary = Path.of(program);
    if (!Files.isRegularFile(binary)) {
      String why = program + " is not installed (run-tests installs umoci and skopeo when run as root)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    long offset = GoElf.sectionOffset(binary, ".go.buildinfo").orElseThrow();
    String expected;
    try (var f = new java.io.RandomAccessFile(binary.toFile(), "r")) {
      f.seek(offset + 32);
      byte[] version = new byte[f.readUnsignedByte()];
      f.readFully(version);
      expected = "v" + new String(version, java.nio.charset.StandardCharsets.US_ASCII).substring(2);
    }
    var inventory = scan(new TarBuilder().executable("usr/bin/" + binary.getFileName(), Files.readAllBytes(binary)).build());
    assertThat(inventory.notes()).isEmpty();
    // Debian builds without modules: the standard library is all the build info names
    assertThat(inventory.packages()).extracting(InventoryPackage::ecosystem, InventoryPackage::name, InventoryPackage::version)
        .contains(tuple("Go", "stdlib", expected.replaceAll("^(v\\d+\\.\\d+)$", "$1.0")));
  }
}
