package dev.bulwark.container.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.container.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-layer cache: a cached scan equals an uncached one, shared layers are reused, damage is repaired. */
class LayerCacheTest {
  @TempDir
  Path tmp;

  private final ImageAnalyzer uncached = new ImageAnalyzer(ImageLimits.defaults());

  private static byte[] hardLinkedOsRelease() throws Exception {
    return new TarBuilder()
        .file("usr/lib/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n")
        .hardlink("etc/os-release", "usr/lib/os-release")
        .file("var/lib/dpkg/status", TestResources.text("image/dpkg-status-base"))
        .build();
  }

  private static byte[] upgrade() throws Exception {
    // a later layer rewrites the database (one package fewer) and whites out a directory
    return new TarBuilder()
        .file("var/lib/dpkg/status", TestResources.text("image/dpkg-status-curl"))
        .file("usr/.wh.lib", "")
        .build();
  }

  private List<Path> images() throws Exception {
    return List.of(
        ImageAnalyzerTest.debianImage(tmp.resolve("debian.tar")),
        new ImageBuilder().layer(hardLinkedOsRelease()).layer(upgrade()).gzipped().oci(tmp.resolve("links.tar")),
        new ImageBuilder().layer(new TarBuilder().file("etc/alpine-release", "3.10.2\n")
            .file("lib/apk/db/installed", TestResources.text("image/apk-installed")).build())
            .gzipped().oci(tmp.resolve("alpine.tar")));
  }

  @Test
  void coldAndWarmCachedScansGiveExactlyTheUncachedInventoryIncludingIntroducingLayers() throws Exception {
    var cache = LayerCache.at(tmp.resolve("cache"));
    var cached = new ImageAnalyzer(ImageLimits.defaults(), cache);
    for (Path image : images()) {
      var expected = uncached.analyze(image, "img");
      assertThat(cached.analyze(image, "img")).isEqualTo(expected); // cold: fills the cache
      long hitsBefore = cache.hits();
      assertThat(cached.analyze(image, "img")).isEqualTo(expected); // warm: every layer from the cache
      assertThat(cache.hits() - hitsBefore).isEqualTo(expected.layers().size());
    }
    assertThat(cache.misses()).isEqualTo(3 + 2 + 1);
    assertThat(cache.corrupt()).isZero();
    assertThat(cache.storeFailures()).isZero();
  }

  @Test
  void whiteoutsAndOpaqueDirectoriesGiveTheSameTreeFromTheCache() throws Exception {
    var image = ImageAnalyzerTest.debianImage(tmp.resolve("debian.tar"));
    var cache = LayerCache.at(tmp.resolve("cache"));
    var reader = new ImageReader(ImageLimits.defaults(), p -> true, cache, "test");
    var cold = reader.read(image, (l, c, f) -> { }).fs();
    var warm = reader.read(image, (l, c, f) -> { }).fs();
    assertThat(cache.hits()).isEqualTo(3);
    assertThat(warm.paths()).isEqualTo(cold.paths()).contains("tmp", "opt/app/new.jar")
        .doesNotContain("tmp/junk", "opt/app/old.jar");
    for (String p : cold.paths()) {
      assertThat(warm.resolve(p).map(LayeredFileSystem.Node::layer)).isEqualTo(cold.resolve(p).map(LayeredFileSystem.Node::layer));
    }
  }

  @Test
  void aChangedTopLayerReusesTheCachedBaseLayers() throws Exception {
    var cache = LayerCache.at(tmp.resolve("cache"));
    var analyzer = new ImageAnalyzer(ImageLimits.defaults(), cache);
    // tar entries carry the time they were built at: build the shared layers once, as a registry holds them once
    byte[] base = ImageAnalyzerTest.debianBase();
    byte[] curl = ImageAnalyzerTest.debianCurl();
    analyzer.analyze(new ImageBuilder().layer(base).layer(curl).layer(ImageAnalyzerTest.appLayer())
        .dockerSave(tmp.resolve("v1.tar")), "app:1");
    assertThat(cache.misses()).isEqualTo(3);
    Path v2 = new ImageBuilder().layer(base).layer(curl)
        .layer(new TarBuilder().file("opt/app/new.jar", "v2").file("app/node_modules/lodash/package.json",
            "{\"name\": \"lodash\", \"version\": \"4.17.15\"}").build())
        .dockerSave(tmp.resolve("v2.tar"));

    var inventory = analyzer.analyze(v2, "app:2");

    assertThat(cache.hits()).isEqualTo(2);
    assertThat(cache.misses()).isEqualTo(4);
    assertThat(inventory).isEqualTo(uncached.analyze(v2, "app:2"));
    assertThat(inventory.packages()).extracting(InventoryPackage::name).contains("lodash", "libcurl4");
  }

  @Test
  void aNewAnalyzerVersionMissesEntriesOfTheOldOne() throws Exception {
    var image = ImageAnalyzerTest.debianImage(tmp.resolve("debian.tar"));
    var cache = LayerCache.at(tmp.resolve("cache"));
    new ImageReader(ImageLimits.defaults(), p -> true, cache, "image@1.1").read(image, (l, c, f) -> { });
    new ImageReader(ImageLimits.defaults(), p -> true, cache, "image@1.2").read(image, (l, c, f) -> { });
    assertThat(cache.hits()).isZero();
    assertThat(cache.misses()).isEqualTo(6);
  }

  @Test
  void corruptOrTruncatedEntriesAreIgnoredAndRebuilt() throws Exception {
    var image = ImageAnalyzerTest.debianImage(tmp.resolve("debian.tar"));
    var expected = uncached.analyze(image, "img");
    var cache = LayerCache.at(tmp.resolve("cache"));
    var analyzer = new ImageAnalyzer(ImageLimits.defaults(), cache);
    analyzer.analyze(image, "img");
    List<Path> files;
    try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
      files = s.filter(p -> p.toString().endsWith(".layer")).sorted().toList();
    }
    assertThat(files).hasSize(3);
    byte[] flipped = Files.readAllBytes(files.get(0));
    flipped[flipped.length / 2] ^= 0x5a;
    Files.write(files.get(0), flipped);
    byte[] whole = Files.readAllBytes(files.get(1));
    Files.write(files.get(1), java.util.Arrays.copyOf(whole, whole.length / 3));
    Files.writeString(files.get(2), "garbage");

    assertThat(analyzer.analyze(image, "img")).isEqualTo(expected);
    assertThat(cache.corrupt()).isEqualTo(3);
    assertThat(cache.hits()).isZero();

    assertThat(analyzer.analyze(image, "img")).isEqualTo(expected);
    assertThat(cache.hits()).isEqualTo(3); // rebuilt by the scan that found them damaged
  }

  @Test
  void anUnwritableCacheDirectoryDoesNotFailTheScan() throws Exception {
    Path notADir = Files.writeString(tmp.resolve("file"), "x");
    var cache = LayerCache.at(notADir.resolve("cache"));
    var image = ImageAnalyzerTest.debianImage(tmp.resolve("debian.tar"));
    assertThat(new ImageAnalyzer(ImageLimits.defaults(), cache).analyze(image, "img"))
        .isEqualTo(uncached.analyze(image, "img"));
    assertThat(cache.storeFailures()).isEqualTo(3);
  }

  @Test
  void cachedLayersStillCountAgainstTheImageLimits() throws Exception {
    var image = ImageAnalyzerTest.debianImage(tmp.resolve("debian.tar"));
    var cache = LayerCache.at(tmp.resolve("cache"));
    new ImageAnalyzer(ImageLimits.defaults(), cache).analyze(image, "img");
    var strict = new ImageLimits(1L << 30, 5, 200, 256, 1 << 20);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ImageAnalyzer(strict, cache).analyze(image, "img"))
        .isInstanceOf(HostileImageException.class).hasMessageContaining("more than 5 entries");
    assertThat(cache.hits()).isPositive();
  }

  @Test
  void layersWithoutADigestAreNeverCachedSoSameSizedLayersOfOtherImagesCannotBeConfused() throws Exception {
    var cache = LayerCache.at(tmp.resolve("cache"));
    var analyzer = new ImageAnalyzer(ImageLimits.defaults(), cache);
    // two images whose only layer is "<id>/layer.tar" of the same size, and whose config has no diff ids
    Path a = noDiffIds(tmp.resolve("a.tar"), "Package: aaaa\nVersion: 1\nStatus: install ok installed\n");
    Path b = noDiffIds(tmp.resolve("b.tar"), "Package: bbbb\nVersion: 1\nStatus: install ok installed\n");
    assertThat(analyzer.analyze(a, "a").packages()).extracting(InventoryPackage::name).containsExactly("aaaa");
    assertThat(analyzer.analyze(b, "b").packages()).extracting(InventoryPackage::name).containsExactly("bbbb");
    assertThat(cache.hits() + cache.misses()).isZero();
    assertThat(tmp.resolve("cache")).doesNotExist();
  }

  private static Path noDiffIds(Path file, String status) throws Exception {
    byte[] layer = new TarBuilder().file("etc/os-release", "ID=debian\nVERSION_ID=12\n")
        .file("var/lib/dpkg/status", status).build();
    return Files.write(file, new TarBuilder()
        .file("config.json", "{\"architecture\": \"amd64\"}")
        .file("0123/layer.tar", layer)
        .file("manifest.json", "[{\"Config\": \"config.json\", \"Layers\": [\"0123/layer.tar\"]}]")
        .build());
  }

  @Test
  void aLayerWhoseContentDoesNotMatchItsClaimedDigestNeverEntersTheCache() throws Exception {
    byte[] base = new TarBuilder().file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
        .file("var/lib/dpkg/status", TestResources.text("image/dpkg-status-base")).build();
    // same size, different content: a forged layer that hides every package under the base's digest
    byte[] forged = new String(base, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace("Package: ", "Packagx: ").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(forged).hasSameSizeAs(base).isNotEqualTo(base);
    var cache = LayerCache.at(tmp.resolve("cache"));
    var analyzer = new ImageAnalyzer(ImageLimits.defaults(), cache);
    Path evil = new ImageBuilder().layer(forged).claimingDiffIds(List.of(ImageBuilder.sha256(base)))
        .dockerSave(tmp.resolve("evil.tar"));
    Path good = new ImageBuilder().layer(base).dockerSave(tmp.resolve("good.tar"));

    analyzer.analyze(evil, "app");
    var inventory = analyzer.analyze(good, "app");

    assertThat(cache.hits()).isZero();
    assertThat(inventory.packages()).isNotEmpty();
    assertThat(inventory).isEqualTo(uncached.analyze(good, "app"));
  }

  private Path oneLayerImage(String name, int seed) throws Exception {
    byte[] data = new byte[100_000];
    new java.util.Random(seed).nextBytes(data);
    return new ImageBuilder().layer(new TarBuilder().file("data/" + name, data).build()).oci(tmp.resolve(name + ".tar"));
  }

  private long cachedBytes(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".layer")).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  @Test
  void beyondItsSizeBoundTheCacheEvictsTheLeastRecentlyUsedLayer() throws Exception {
    Path dir = tmp.resolve("cache");
    var cache = LayerCache.at(dir, 250_000); // room for two 100 kB entries, not three
    var reader = new ImageReader(ImageLimits.defaults(), p -> true, cache, "test");
    Path a = oneLayerImage("a", 1);
    Path b = oneLayerImage("b", 2);
    Path c = oneLayerImage("c", 3);
    reader.read(a, (l, x, f) -> { });
    reader.read(b, (l, x, f) -> { });
    reader.read(a, (l, x, f) -> { }); // a is now used more recently than b
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.evictions()).isZero();

    reader.read(c, (l, x, f) -> { }); // over the bound: b goes

    assertThat(cache.evictions()).isEqualTo(1);
    assertThat(cachedBytes(dir)).isLessThanOrEqualTo(250_000);
    long hits = cache.hits();
    reader.read(a, (l, x, f) -> { });
    reader.read(c, (l, x, f) -> { });
    assertThat(cache.hits() - hits).isEqualTo(2);
    long misses = cache.misses();
    reader.read(b, (l, x, f) -> { });
    assertThat(cache.misses() - misses).isEqualTo(1);
  }

  @Test
  void theDefaultBoundIsTwoGibibytesAndABoundMustBePositive() {
    assertThat(LayerCache.at(tmp).maxBytes()).isEqualTo(LayerCache.DEFAULT_MAX_BYTES).isEqualTo(2L << 30);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LayerCache.at(tmp, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
