package dev.bulwark.container.image;

import dev.bulwark.artifacts.ExtractedRecord;
import dev.bulwark.artifacts.JarBuilder;
import dev.bulwark.artifacts.JavaArchives;
import dev.bulwark.artifacts.PackageDatabase;
import dev.bulwark.artifacts.ZipWalk;
import dev.bulwark.v1.Confidence;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Java archives inside real image tarballs: pom.properties at every nesting level, manifest fallback, hostile zips. */
class JavaArchivesTest {
  @TempDir
  Path tmp;
  private final ImageAnalyzer analyzer = new ImageAnalyzer(ImageLimits.defaults());

  static byte[] log4jCore() throws Exception {
    return new JarBuilder().pom("org.apache.logging.log4j", "log4j-core", "2.14.1")
        .file("org/apache/logging/log4j/core/Logger.class", new byte[2048]).build();
  }

  /** A WAR with log4j-core in WEB-INF/lib, as the JRE bench image and the advisory test use it. */
  public static byte[] shopWar() throws Exception {
    return new JarBuilder().file("WEB-INF/web.xml", "<web-app/>")
        .file("WEB-INF/lib/log4j-core-2.14.1.jar", log4jCore())
        .file("WEB-INF/lib/shop-model-1.0.jar", new JarBuilder().pom("com.example", "shop-model", "1.0").build())
        .pom("com.example", "shop", "1.0").build();
  }

  static byte[] springBootJar() throws Exception {
    return new JarBuilder(Map.of("Main-Class", "org.springframework.boot.loader.JarLauncher"))
        .pom("com.example", "boot-app", "0.0.1")
        .stored("BOOT-INF/lib/snakeyaml-1.30.jar", new JarBuilder().pom("org.yaml", "snakeyaml", "1.30").build())
        .build();
  }

  static byte[] ear() throws Exception {
    byte[] war = new JarBuilder().file("WEB-INF/lib/commons-text-1.9.jar",
        new JarBuilder().pom("org.apache.commons", "commons-text", "1.9").build()).build();
    return new JarBuilder().file("META-INF/application.xml", "<application/>").file("web.war", war).build();
  }

  private ImageInventory scan(byte[]... layers) throws Exception {
    var builder = new ImageBuilder();
    Arrays.stream(layers).forEach(builder::layer);
    return analyzer.analyze(builder.gzipped().oci(tmp.resolve("img.tar")), "app:1");
  }

  @Test
  @DisplayName("pom.properties of top-level jars, WEB-INF/lib, BOOT-INF/lib and an EAR's WAR are Maven packages of the layer that added them")
  void pomPropertiesAtEveryNestingLevelAreInventoried() throws Exception {
    byte[] base = new TarBuilder().file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n").build();
    byte[] app = new TarBuilder().dir("opt/app").file("opt/app/shop.war", shopWar())
        .file("opt/app/boot.jar", springBootJar()).file("opt/app/app.ear", ear()).build();
    var inventory = scan(base, app);
    assertThat(inventory.notes()).isEmpty();
    assertThat(inventory.packages())
        .extracting(InventoryPackage::ecosystem, InventoryPackage::name, InventoryPackage::version, InventoryPackage::path)
        .containsExactlyInAnyOrder(
            tuple("Maven", "com.example:shop", "1.0", "opt/app/shop.war"),
            tuple("Maven", "org.apache.logging.log4j:log4j-core", "2.14.1",
                "opt/app/shop.war!/WEB-INF/lib/log4j-core-2.14.1.jar"),
            tuple("Maven", "com.example:shop-model", "1.0", "opt/app/shop.war!/WEB-INF/lib/shop-model-1.0.jar"),
            tuple("Maven", "com.example:boot-app", "0.0.1", "opt/app/boot.jar"),
            tuple("Maven", "org.yaml:snakeyaml", "1.30", "opt/app/boot.jar!/BOOT-INF/lib/snakeyaml-1.30.jar"),
            tuple("Maven", "org.apache.commons:commons-text", "1.9",
                "opt/app/app.ear!/web.war!/WEB-INF/lib/commons-text-1.9.jar"));
    assertThat(inventory.packages()).allSatisfy(p -> {
      assertThat(p.layer()).isEqualTo(ImageBuilder.sha256(app));
      assertThat(p.release()).isEmpty();
      assertThat(p.confidence()).isEqualTo(Confidence.CONFIDENCE_HIGH);
    });
  }

  @Test
  void aJarWithoutPomPropertiesFallsBackToItsManifestWithLowConfidence() throws Exception {
    byte[] bundle = new JarBuilder(Map.of("Bundle-SymbolicName", "org.example.widgets;singleton:=true",
        "Bundle-Version", "3.2.1")).file("org/example/widgets/W.class", new byte[16]).build();
    byte[] implementation = new JarBuilder(Map.of("Implementation-Title", "gadgets", "Implementation-Version", "2.0",
        "Implementation-Vendor-Id", "org.example")).build();
    byte[] both = new JarBuilder(Map.of("Implementation-Title", "wrong", "Implementation-Version", "9.9",
        "Implementation-Vendor-Id", "org.wrong")).pom("org.right", "right", "1.1").build();
    byte[] nothing = new JarBuilder(Map.of("Main-Class", "Main")).build();
    var inventory = scan(new TarBuilder().file("usr/share/java/widgets.jar", bundle)
        .file("usr/share/java/gadgets-2.0.jar", implementation).file("usr/share/java/right.jar", both)
        .file("usr/share/java/nothing.jar", nothing).build());
    assertThat(inventory.packages())
        .extracting(InventoryPackage::name, InventoryPackage::version, InventoryPackage::confidence)
        .containsExactlyInAnyOrder(
            tuple("org.example:widgets", "3.2.1", Confidence.CONFIDENCE_LOW),
            tuple("org.example:gadgets", "2.0", Confidence.CONFIDENCE_LOW),
            tuple("org.right:right", "1.1", Confidence.CONFIDENCE_HIGH));
  }

  static byte[] bomb() throws Exception {
    return new JarBuilder().pom("com.example", "bomb", "1.0").zeros("data.bin", 200L * 1024 * 1024).build();
  }

  @Test
  void aZipBombEntryIsNeverInflatedWhenTheArchiveIsReadByItsCentralDirectory() throws Exception {
    byte[] bomb = bomb();
    assertThat(bomb.length).isLessThan(1024 * 1024);
    var inventory = scan(new TarBuilder().file("opt/bomb.jar", bomb).file("opt/shop.war", shopWar()).build());
    assertThat(inventory.notes()).isEmpty();
    assertThat(inventory.packages()).extracting(InventoryPackage::name)
        .contains("com.example:bomb", "org.apache.logging.log4j:log4j-core");
  }

  @Test
  void aStreamedZipBombIsStoppedWithAProblemAndWhatWasFoundBeforeIsKept() throws Exception {
    byte[] bomb = bomb();
    var streamOnly = new JavaArchives(new ZipWalk.Limits(3, 500_000, 4L << 30, 100, 0));
    byte[] record = streamOnly.extract("opt/bomb.jar", new java.io.ByteArrayInputStream(bomb), bomb.length).orElseThrow();
    assertThat(ExtractedRecord.problems(record)).singleElement().asString()
        .isEqualTo("expands more than 100 times its size: a zip bomb; the rest of the archive was not read");
    assertThat(ExtractedRecord.entries(record)).extracting(PackageDatabase.Entry::name).containsExactly("com.example:bomb");
  }

  @Test
  void streamedAndCentralDirectoryWalksFindTheSamePackages() throws Exception {
    var streamOnly = new JavaArchives(new ZipWalk.Limits(3, 500_000, 4L << 30, 100, 0));
    var central = new JavaArchives();
    for (byte[] archive : List.of(shopWar(), springBootJar(), ear())) {
      var streamed = streamOnly.extract("a.war", new java.io.ByteArrayInputStream(archive), archive.length);
      var whole = central.extract("a.war", new java.io.ByteArrayInputStream(archive), archive.length);
      assertThat(ExtractedRecord.entries(streamed.orElseThrow()))
          .containsExactlyInAnyOrderElementsOf(ExtractedRecord.entries(whole.orElseThrow())).isNotEmpty();
    }
  }

  @Test
  void anArchiveWithMoreEntriesThanTheLimitIsCutShortWithAProblem() throws Exception {
    var jar = new JarBuilder().pom("com.example", "many", "1");
    for (int i = 0; i < 50; i++) {
      jar.file("x/" + i + ".txt", "x");
    }
    byte[] archive = jar.build();
    var few = new JavaArchives(new ZipWalk.Limits(3, 20, 4L << 30, 100, 16 << 20));
    byte[] record = few.extract("many.jar", new java.io.ByteArrayInputStream(archive), archive.length).orElseThrow();
    assertThat(ExtractedRecord.problems(record)).containsExactly(
        "more than 20 zip entries; the rest of the archive was not read");
  }

  @Test
  void archivesNestedDeeperThanTheLimitAreReportedNotOpened() throws Exception {
    byte[] inner = new JarBuilder().pom("com.example", "level4", "4").build();
    for (int level = 3; level >= 0; level--) {
      inner = new JarBuilder().pom("com.example", "level" + level, String.valueOf(level))
          .file("lib/level" + (level + 1) + ".jar", inner).build();
    }
    var inventory = scan(new TarBuilder().file("opt/deep.jar", inner).build());
    assertThat(inventory.packages()).extracting(InventoryPackage::name)
        .containsExactlyInAnyOrder("com.example:level0", "com.example:level1", "com.example:level2", "com.example:level3");
    assertThat(inventory.notes()).singleElement().asString()
        .isEqualTo("opt/deep.jar: lib/level1.jar!/lib/level2.jar!/lib/level3.jar!/lib/level4.jar: archive nested "
            + "more than 3 levels deep, not read");
  }

  @Test
  void truncatedAndFakeArchivesDoNotStopTheScan() throws Exception {
    byte[] war = shopWar();
    byte[] truncated = Arrays.copyOf(war, war.length / 2);
    var inventory = scan(new TarBuilder().file("opt/truncated.war", truncated)
        .file("opt/fake.jar", "not a zip at all").file("opt/empty.jar", new byte[0])
        .file("opt/ok.jar", new JarBuilder().pom("com.example", "ok", "1").build()).build());
    assertThat(inventory.packages()).extracting(InventoryPackage::name).contains("com.example:ok");
    assertThat(inventory.notes()).singleElement().asString().startsWith("opt/truncated.war: not a readable zip archive");
  }

  @Test
  void cachedLayersGiveTheSameJavaInventoryWithoutReadingTheArchivesAgain() throws Exception {
    var cache = LayerCache.at(tmp.resolve("cache"));
    var cached = new ImageAnalyzer(ImageLimits.defaults(), cache);
    Path image = new ImageBuilder().layer(new TarBuilder().file("opt/shop.war", shopWar()).build()).oci(tmp.resolve("c.tar"));
    var cold = cached.analyze(image, "c");
    var warm = cached.analyze(image, "c");
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(warm).isEqualTo(cold);
    assertThat(warm.packages()).hasSize(3);
  }

  @Test
  void aJarWhitedOutByALaterLayerIsGoneAndAReplacedOneBelongsToTheLayerThatReplacedIt() throws Exception {
    byte[] base = new TarBuilder()
        .file("opt/lib/old.jar", new JarBuilder().pom("com.example", "old", "1").build())
        .file("opt/lib/app.jar", new JarBuilder().pom("com.example", "app", "1").build()).build();
    byte[] upgrade = new TarBuilder().file("opt/lib/.wh.old.jar", "")
        .file("opt/lib/app.jar", new JarBuilder().pom("com.example", "app", "2").build()).build();
    var inventory = scan(base, upgrade);
    assertThat(inventory.packages()).extracting(InventoryPackage::name, InventoryPackage::version, InventoryPackage::layer)
        .containsExactly(tuple("com.example:app", "2", ImageBuilder.sha256(upgrade)));
  }
}
