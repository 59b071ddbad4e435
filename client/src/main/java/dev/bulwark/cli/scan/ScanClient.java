package dev.bulwark.cli.scan;

import dev.bulwark.cli.history.GitRepositories;
import dev.bulwark.cli.history.HistoryPacker;
import dev.bulwark.cli.history.HistorySpool;
import dev.bulwark.cli.history.HistoryWalker;
import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.common.cas.TreePacker;
import dev.bulwark.common.path.GeneratedFiles;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.GatewayGrpc;
import dev.bulwark.v1.Image;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.StartScanRequest;
import dev.bulwark.v1.WatchScanRequest;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What {@code bulwark scan} does on the wire: packs the tree (what git holds, see
 * {@link TreeSelection}) and,
 * when asked, the file versions of its git history that the tree no longer holds, uploads only
 * the blobs the gateway lacks, starts the scan and follows it to its result.
 */
public final class ScanClient {
  /** Used for the watch deadline when the request leaves the scan deadline to the gateway. */
  static final int DEFAULT_WATCH_SECONDS = 15 * 60;

  /**
   * @param tree            folder to scan, or null for images only
   * @param images          image archives ({@code docker save} / OCI tarballs)
   * @param deadlineSeconds 0 for the gateway's default
   * @param policy          policy text overriding the tree's {@code .bulwark.yaml}, or empty
   * @param history         which git history of the tree to add for the secrets analyzer, or null for none
   * @param verifySecrets   ask the scanners to check found secrets with their providers (--verify-secrets)
   * @param excluded        folders never packed even when inside the tree (Bulwark's own home)
   */
  public record Request(Path tree, List<Path> images, ScanContext context, int deadlineSeconds, String policy,
      String baselineBranch, HistoryWalker.Bounds history, boolean verifySecrets, List<Path> excluded) {
    public Request(Path tree, List<Path> images, ScanContext context, int deadlineSeconds, String policy,
        String baselineBranch, HistoryWalker.Bounds history, boolean verifySecrets) {
      this(tree, images, context, deadlineSeconds, policy, baselineBranch, history, verifySecrets, List.of());
    }

    public Request(Path tree, List<Path> images, ScanContext context, int deadlineSeconds, String policy,
        String baselineBranch, HistoryWalker.Bounds history) {
      this(tree, images, context, deadlineSeconds, policy, baselineBranch, history, false);
    }

    public Request(Path tree, List<Path> images, ScanContext context, int deadlineSeconds, String policy,
        String baselineBranch) {
      this(tree, images, context, deadlineSeconds, policy, baselineBranch, null);
    }

    public Request(Path tree, List<Path> images, ScanContext context, int deadlineSeconds, String policy) {
      this(tree, images, context, deadlineSeconds, policy, "");
    }
  }

  /**
   * A finished scan and what it took to send it.
   *
   * @param leftOut files left out because they changed between hashing and uploading
   */
  public record Run(ScanResult result, int filesPacked, int blobsTotal, int blobsUploaded, long bytesUploaded,
      List<String> leftOut) {}

  private final Channel channel;
  private final Consumer<String> progress;
  private final Consumer<String> warnings;

  /** @param progress receives one-line progress messages (may ignore them), warnings too */
  public ScanClient(Channel channel, Consumer<String> progress) {
    this(channel, progress, progress);
  }

  /** @param warnings receives one-line warnings the user must see (a file left out of the scan) */
  public ScanClient(Channel channel, Consumer<String> progress, Consumer<String> warnings) {
    this.channel = channel;
    this.progress = progress;
    this.warnings = warnings;
  }

  /**
   * Packs, uploads, scans and follows the scan to its result.
   *
   * @throws GitRepositories.NotARepositoryException when history is asked for a tree outside git
   */
  public Run scan(Request request) throws IOException, GitRepositories.NotARepositoryException {
    var manifest = Manifest.newBuilder();
    var blobs = new LinkedHashMap<Digest, Path>();
    Map<Digest, ObjectId> history = Map.of();
    if (request.tree() != null) {
      var selection = TreeSelection.of(request.tree(), request.excluded());
      var packed = TreePacker.pack(request.tree(), selection);
      progress.accept(selection.source() == TreeSelection.Source.GIT
          ? "packing what git holds: tracked files and untracked files not ignored"
          : "packing every file .gitignore does not exclude (not a git work tree)");
      manifest.addAllFiles(packed.files());
      blobs.putAll(packed.blobs());
      if (request.history() != null) {
        history = addHistory(request, packed.files(), manifest);
      }
    }
    for (Path image : request.images()) {
      Digest d = Digests.of(image);
      manifest.addImages(Image.newBuilder().setName(image.getFileName().toString()).setArchive(d));
      blobs.putIfAbsent(d, image);
    }
    try (var spool = new HistorySpool(request.tree(), history)) {
      return scan(request, manifest, blobs, spool);
    }
  }

  /** Adds the history's versions the tree lacks (see {@link HistoryPacker}); returns their blobs by digest. */
  private Map<Digest, ObjectId> addHistory(Request request, List<FileEntry> tree, Manifest.Builder manifest)
      throws IOException, GitRepositories.NotARepositoryException {
    var treeHashes = new HashSet<String>();
    var treePaths = new HashSet<String>();
    tree.forEach(f -> {
      treeHashes.add(f.getDigest().getHash());
      treePaths.add(f.getPath());
    });
    var history = new HistoryPacker(HistoryPacker.DEFAULT_MAX_FILE_BYTES, path -> !GeneratedFiles.isGenerated(path))
        .pack(request.tree(), request.history(), treeHashes);
    history.files().stream().filter(f -> !treePaths.contains(f.getPath())).forEach(manifest::addFiles);
    progress.accept(String.format("history: %d commit(s), %d file version(s) no longer in the tree"
        + " (%d already in it, %d binary, oversized or generated left out)",
        history.commits(), history.files().size(), history.inTree(), history.skipped()));
    return history.blobs();
  }

  private Run scan(Request request, Manifest.Builder manifest, Map<Digest, Path> blobs, HistorySpool history)
      throws IOException {
    var all = new LinkedHashSet<>(blobs.keySet());
    all.addAll(history.digests());
    var store = new ContentStoreClient(channel);
    var missing = store.findMissing(all);
    Map<Digest, Path> toUpload = new LinkedHashMap<>();
    for (Digest d : missing) {
      toUpload.put(d, blobs.containsKey(d) ? blobs.get(d) : history.write(d));
    }
    long bytes = toUpload.keySet().stream().mapToLong(Digest::getSizeBytes).sum();
    progress.accept(String.format("packed %d files and %d images; uploading %d of %d blobs (%s)",
        manifest.getFilesCount(), manifest.getImagesCount(), toUpload.size(), all.size(), human(bytes)));
    var uploaded = store.upload(toUpload);
    var leftOut = leaveOut(manifest, uploaded.changed(), request);

    var gateway = GatewayGrpc.newBlockingStub(channel);
    String scanId = gateway.withDeadlineAfter(60, TimeUnit.SECONDS).startScan(StartScanRequest.newBuilder()
        .setContext(request.context()).setManifest(manifest).setDeadlineSeconds(request.deadlineSeconds())
        .setPolicy(request.policy() == null ? "" : request.policy())
        .setBaselineBranch(request.baselineBranch() == null ? "" : request.baselineBranch())
        .setVerifySecrets(request.verifySecrets()).build()).getScanId();
    progress.accept("scan " + scanId + " started");
    int watchSeconds = (request.deadlineSeconds() > 0 ? request.deadlineSeconds() : DEFAULT_WATCH_SECONDS) + 60;
    var updates = gateway.withDeadlineAfter(watchSeconds, TimeUnit.SECONDS)
        .watchScan(WatchScanRequest.newBuilder().setScanId(scanId).build());
    ScanResult result = null;
    while (updates.hasNext()) {
      ScanUpdate u = updates.next();
      if (u.hasProgress()) {
        var p = u.getProgress();
        progress.accept(p.getScanner() + " " + p.getPhase()
            + (p.getPhase().equals("started") ? "" : ", " + p.getFindings() + " finding(s)")
            + (p.getMessage().isBlank() ? "" : ": " + p.getMessage()));
      } else if (u.hasResult()) {
        result = u.getResult();
      }
    }
    if (result == null) {
      throw new IOException("the gateway ended scan " + scanId + " without a result");
    }
    return new Run(result, manifest.getFilesCount(), all.size(), toUpload.size(), bytes, leftOut);
  }

  /**
   * Takes the files whose content changed after it was hashed (a file being written during the
   * scan) out of the manifest, with a warning each: their bytes as hashed are gone, so the scan
   * goes on without them rather than scanning something else under their digest.
   *
   * @throws IOException when an image archive changed: the user named it, so the scan stops
   */
  private List<String> leaveOut(Manifest.Builder manifest, Set<Digest> changed, Request request) throws IOException {
    if (changed.isEmpty()) {
      return List.of();
    }
    for (Image image : manifest.getImagesList()) {
      if (changed.contains(image.getArchive())) {
        throw new IOException("image " + image.getName() + " changed while it was being uploaded; scan it again");
      }
    }
    var kept = new ArrayList<FileEntry>();
    var leftOut = new ArrayList<String>();
    for (FileEntry f : manifest.getFilesList()) {
      if (changed.contains(f.getDigest())) {
        String shown = f.getHistoryPath().isEmpty() ? f.getPath() : f.getHistoryPath();
        leftOut.add(shown);
        warnings.accept("warning: " + shown + " changed while it was being scanned; left out of this scan");
      } else {
        kept.add(f);
      }
    }
    manifest.clearFiles().addAllFiles(kept);
    return List.copyOf(leftOut);
  }

  /**
   * A channel that stays on ONE gateway replica: each replica has its own content store and
   * keeps its scans in memory, so uploads, StartScan and WatchScan must all reach the same one
   * (pick_first, unlike the round-robin channels services use between themselves).
   */
  public static ManagedChannel pinnedChannel(String target) {
    return pinnedChannel(target, ClientSecurity.NONE);
  }

  /** {@link #pinnedChannel(String)} with TLS and a credential as {@code security} says. */
  public static ManagedChannel pinnedChannel(String target, ClientSecurity security) {
    if (target == null || target.isBlank() || target.contains(",")) {
      throw new IllegalArgumentException("expected one HOST:PORT (or a gRPC URI such as dns:///gateway:7070)");
    }
    return NettyChannelBuilder.forTarget(target.strip(), security.channelCredentials())
        .defaultLoadBalancingPolicy("pick_first")
        .maxInboundMessageSize(Channels.MAX_MESSAGE_BYTES)
        .build();
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KiB", bytes / 1024.0);
    }
    return String.format("%.1f MiB", bytes / (1024.0 * 1024));
  }
}
