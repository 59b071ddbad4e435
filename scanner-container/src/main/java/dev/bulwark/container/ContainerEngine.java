package dev.bulwark.container;

import dev.bulwark.server.scanner.FindingSink;
import dev.bulwark.server.scanner.ScanOutcome;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.server.scanner.results.BuildStamp;
import dev.bulwark.container.advisory.OsvImageMatcher;
import dev.bulwark.container.check.ConfigAnalyzer;
import dev.bulwark.container.dockerfile.DockerfileAnalyzer;
import dev.bulwark.container.eol.EndOfLifeTable;
import dev.bulwark.container.image.ImageAnalyzer;
import dev.bulwark.container.image.ImageLimits;
import dev.bulwark.container.image.ImagePackageMatcher;
import dev.bulwark.container.image.ImageScan;
import dev.bulwark.container.image.LayerCache;
import dev.bulwark.container.kubernetes.KubernetesAnalyzer;
import dev.bulwark.container.terraform.TerraformAnalyzer;
import dev.bulwark.container.trivy.TrivyProcess;
import dev.bulwark.container.trivy.TrivyScan;
import dev.bulwark.v1.Analyzer;
import dev.bulwark.v1.DatabaseInfo;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The container scanner: Dockerfiles, Kubernetes manifests and Terraform checked by native
 * analyzers, container images inventoried natively, and Trivy run as an external process when
 * available. Findings of both engines are merged (same rule, path and line).
 */
public final class ContainerEngine implements ScannerEngine {
  public static final String VERSION = "0.1.0";
  /** Under {@link Settings#workDir()}: the native image analyzer's per-layer cache ({@link LayerCache}). */
  public static final String LAYER_CACHE_DIR = "layer-cache";

  /**
   * How the engine is set up.
   *
   * @param mode         which analyzers run
   * @param trivy        the Trivy executable, when one was given or found on the PATH
   * @param trivyTimeout how long one Trivy run may take before its process tree is killed
   * @param workDir      scratch space for materialized trees and image extraction, and the layer cache
   * @param clock        for end-of-life decisions
   * @param layerCacheMaxBytes bound on the layer cache's total size (least recently used layers are evicted)
   */
  public record Settings(EngineMode mode, Optional<Path> trivy, Duration trivyTimeout, Path workDir, Clock clock,
      long layerCacheMaxBytes) {
    /** Settings with the default layer cache bound ({@link LayerCache#DEFAULT_MAX_BYTES}). */
    public Settings(EngineMode mode, Optional<Path> trivy, Duration trivyTimeout, Path workDir, Clock clock) {
      this(mode, trivy, trivyTimeout, workDir, clock, LayerCache.DEFAULT_MAX_BYTES);
    }
  }

  /** Larger Trivy reports are refused (the process is killed). */
  static final long MAX_TRIVY_OUTPUT = 256L * 1024 * 1024;
  /** How much of Trivy's error output goes into the status message. */
  static final int MAX_TRIVY_STDERR = 2048;

  private final Settings settings;
  private final EndOfLifeTable eol;
  private final List<ConfigAnalyzer> analyzers;
  private final ImageScan images;
  private final ImageAnalyzer imageAnalyzer;

  public ContainerEngine(Settings settings) {
    this(settings, ImagePackageMatcher.NONE, ImageLimits.defaults());
  }

  /**
   * @param matcher matches image packages against advisories ({@link OsvImageMatcher} over the SCA
   *                module's store, wired by the application); {@link ImagePackageMatcher#NONE}
   *                lists no package findings and says the database is missing
   * @param limits  bounds on reading one image
   */
  public ContainerEngine(Settings settings, ImagePackageMatcher matcher, ImageLimits limits) {
    this.settings = settings;
    this.eol = EndOfLifeTable.bundled(settings.clock());
    this.imageAnalyzer = new ImageAnalyzer(limits, LayerCache.at(settings.workDir().resolve(LAYER_CACHE_DIR),
        settings.layerCacheMaxBytes()));
    this.images = new ImageScan(imageAnalyzer, eol, matcher);
    // The registry of configuration analyzers: one line per format.
    this.analyzers = List.of(
        new DockerfileAnalyzer(eol),
        new KubernetesAnalyzer(),
        new TerraformAnalyzer());
  }

  /**
   * An engine with default settings and no advisory data: image packages are inventoried, and a
   * scan of an image that has packages is DEGRADED ({@link ImagePackageMatcher#MISSING_DATABASE}).
   * An empty {@code trivyExecutable} means: look for {@code trivy} on the PATH, and run native
   * analyzers only when there is none.
   */
  public static ContainerEngine create(Optional<Path> trivyExecutable) {
    return create(trivyExecutable, Optional.empty());
  }

  /**
   * As {@link #create(Optional)}, matching image packages against the SCA advisory store under
   * {@code advisoryDir} (the {@code dataDir} that {@code bulwark db update} and the SCA scanner
   * use), opened at the first image scanned.
   */
  public static ContainerEngine create(Optional<Path> trivyExecutable, Optional<Path> advisoryDir) {
    return new ContainerEngine(new Settings(EngineMode.AUTO, trivyExecutable.or(TrivyLocator::onPath),
        Duration.ofMinutes(5), Path.of(System.getProperty("java.io.tmpdir"), "bulwark-container"), Clock.systemUTC()),
        advisoryDir.<ImagePackageMatcher>map(OsvImageMatcher::overStore).orElse(ImagePackageMatcher.NONE),
        ImageLimits.defaults());
  }

  public Settings settings() {
    return settings;
  }

  /** The native image analyzer (its {@link ImageAnalyzer#cache()} counts layer cache hits). */
  public ImageAnalyzer imageAnalyzer() {
    return imageAnalyzer;
  }

  public List<ConfigAnalyzer> analyzers() {
    return analyzers;
  }

  @Override
  public String name() {
    return "container";
  }

  @Override
  public ScannerInfo describe() {
    var info = ScannerInfo.newBuilder().setName(name()).setVersion(VERSION);
    analyzers.forEach(a -> info.addAnalyzers(Analyzer.newBuilder().setName(a.name()).setVersion(a.version())));
    info.addAnalyzers(Analyzer.newBuilder().setName(imageAnalyzer.name()).setVersion(imageAnalyzer.version()));
    settings.trivy().ifPresent(t -> info.addAnalyzers(Analyzer.newBuilder().setName("trivy").setVersion("external")));
    info.addDatabases(DatabaseInfo.newBuilder().setName("eol:base-images").setVersion("1").setRecords(eol.size()));
    return info.build();
  }

  /**
   * The configuration analyzers with their versions, the size limit, the build: what a
   * configuration file's findings depend on besides the file and the facts each analyzer names
   * ({@link ConfigAnalyzer#facts()}). Images have their own per-layer cache; Trivy's results are
   * not kept.
   */
  @Override
  public Optional<String> resultKey() {
    var key = new StringBuilder("container/").append(VERSION).append(" max-bytes=").append(NativeConfigScan.MAX_FILE_BYTES)
        .append(" build=").append(BuildStamp.of(ContainerEngine.class));
    analyzers.forEach(a -> key.append(' ').append(a.name()).append('@').append(a.version()));
    return Optional.of(key.toString());
  }

  /**
   * The result key, which analyzers run (Trivy or not), and each analyzer's facts as of today
   * (which base images are past their end of life): cheap, the analyzers are built with the engine.
   * Answers that read images or ran Trivy are not kept (see {@link #scan}).
   */
  @Override
  public Optional<String> answerKey() {
    var key = new StringBuilder(resultKey().orElseThrow()).append("\nmode=").append(settings.mode())
        .append(" trivy=").append(settings.trivy().isPresent());
    analyzers.forEach(a -> new java.util.TreeMap<>(a.facts())
        .forEach((k, v) -> key.append('\n').append(a.name()).append(':').append(k).append('=').append(v)));
    return Optional.of(key.toString());
  }

  /** A file some configuration analyzer reads (Terraform's module siblings are .tf files too). */
  @Override
  public boolean relevant(dev.bulwark.v1.FileEntry file) {
    return analyzers.stream().anyMatch(a -> a.accepts(file.getPath()));
  }

  @Override
  public ScanOutcome scan(ScanWorkspace ws, FindingSink sink) throws Exception {
    var problems = new ArrayList<String>();
    var findings = new ArrayList<Finding>();
    boolean trivyWanted = settings.mode() != EngineMode.NATIVE;
    boolean trivyAvailable = trivyWanted && settings.trivy().isPresent();
    boolean nativeWanted = settings.mode() != EngineMode.TRIVY || !trivyAvailable;
    if (trivyWanted && !trivyAvailable && settings.mode() != EngineMode.AUTO) {
      problems.add("trivy executable not found; ran the native analyzers only");
    }
    int files = 0;
    if (nativeWanted) {
      var config = new NativeConfigScan(analyzers).run(ws);
      findings.addAll(config.findings());
      problems.addAll(config.problems());
      files = config.filesScanned();
      if (!ws.images().isEmpty()) {
        // matched against the advisory database and today's end-of-life dates: layers have their own cache
        ws.irreproducible("images are scanned");
      }
      var imageResult = images.run(ws);
      findings.addAll(imageResult.findings());
      // every inventoried image package goes to the scan's inventory (the SBOM), affected or not
      imageResult.inventories().forEach(inventory -> inventory.packages()
          .forEach(p -> sink.inventory(OsvImageMatcher.dependency(inventory.imageName(), p))));
      // when Trivy runs, it matches the image packages itself: no native database is not a problem then
      imageResult.problems().stream()
          .filter(p -> !(trivyAvailable && p.equals(ImagePackageMatcher.MISSING_DATABASE)))
          .forEach(problems::add);
    }
    if (trivyAvailable && !ws.cancelled()) {
      ws.irreproducible("trivy ran (its database changes on its own)");
      var trivy = new TrivyScan(new TrivyProcess(settings.trivy().get(), settings.trivyTimeout(), MAX_TRIVY_OUTPUT,
          MAX_TRIVY_STDERR), settings.workDir()).run(ws, true, true);
      findings.addAll(trivy.findings());
      problems.addAll(trivy.problems());
      files = Math.max(files, ws.select(TrivyScan.CONFIG_FILES).size());
    }
    merge(findings).forEach(sink::accept);
    return ScanOutcome.of(problems, files);
  }

  /**
   * Drops later findings with the same rule, path and line as an earlier one; a finding without a
   * line (Trivy reports some Dockerfile checks without one) is also dropped when the same rule
   * was already reported for the same file at some line.
   */
  static List<Finding> merge(List<Finding> findings) {
    var unique = new LinkedHashMap<String, Finding>();
    var rulePaths = new HashSet<String>();
    for (var f : findings) {
      if (!f.hasPackage() && f.getLocation().getStartLine() > 0) {
        rulePaths.add(f.getRuleId() + "\0" + f.getLocation().getPath());
      }
    }
    var packageIds = new HashSet<String>();
    for (var f : findings) {
      if (!f.hasPackage() && f.getLocation().getStartLine() == 0
          && rulePaths.contains(f.getRuleId() + "\0" + f.getLocation().getPath())) {
        continue;
      }
      if (f.hasPackage() && !firstOfVulnerability(f, packageIds)) {
        continue;
      }
      String key = f.getRuleId() + "\0" + f.getLocation().getPath() + "\0" + f.getLocation().getStartLine()
          + (f.hasPackage() ? "\0" + f.getPackage().getName() + "\0" + f.getPackage().getVersion() : "");
      unique.putIfAbsent(key, f);
    }
    return List.copyOf(unique.values());
  }

  /**
   * Whether no earlier package finding named the same vulnerability (by rule id, advisory id or
   * alias) for the same package and version in the same image: the native matcher's
   * "ALPINE-v3.10-openssl-CVE-2019-1549" and Trivy's "CVE-2019-1549" on libssl1.1 are one.
   */
  private static boolean firstOfVulnerability(Finding f, Set<String> seen) {
    String where = f.getLocation().getPath().isEmpty() ? f.getPackage().getManifestPath() : f.getLocation().getPath();
    String prefix = where + "\0" + f.getPackage().getName() + "\0" + f.getPackage().getVersion() + "\0";
    var ids = new LinkedHashSet<String>();
    ids.add(f.getRuleId());
    if (!f.getAdvisory().getId().isEmpty()) {
      ids.add(f.getAdvisory().getId());
    }
    ids.addAll(f.getAdvisory().getAliasesList());
    boolean first = ids.stream().noneMatch(id -> seen.contains(prefix + id));
    if (first) {
      ids.forEach(id -> seen.add(prefix + id));
    }
    return first;
  }
}
