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
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
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
 * the blobs the gateway lacks, starts the scan and follows it to its result, through any replica of
 * the gateway: every step survives a replica dying or restarting (uploads are asked again, StartScan
 * is retried with its request id, watching resumes after the last event seen).
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
    int watchSeconds = (request.deadlineSeconds() > 0 ? request.deadlineSeconds() : DEFAULT_WATCH_SECONDS) + 60;
    var reconnect = new Reconnect(Duration.ofSeconds(watchSeconds), progress);
    try {
      var sent = upload(all, blobs, history, manifest, reconnect);
      var leftOut = leaveOut(manifest, sent.changed(), request);
      // One request id per scan meant: a StartScan retried after a lost answer starts nothing new.
      var start = StartScanRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
          .setContext(request.context()).setManifest(manifest).setDeadlineSeconds(request.deadlineSeconds())
          .setPolicy(request.policy() == null ? "" : request.policy())
          .setBaselineBranch(request.baselineBranch() == null ? "" : request.baselineBranch())
          .setVerifySecrets(request.verifySecrets()).build();
      String scanId = startScan(start, all, blobs, history, manifest, reconnect);
      progress.accept("scan " + scanId + " started");
      ScanResult result = watch(scanId, reconnect);
      return new Run(result, manifest.getFilesCount(), all.size(), sent.blobs(), sent.bytes(), leftOut);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private record Sent(int blobs, long bytes, Set<Digest> changed) {}

  /** Uploads the blobs the store lacks (asking again after a broken upload: what arrived is kept). */
  private Sent upload(Collection<Digest> all, Map<Digest, Path> blobs, HistorySpool history, Manifest.Builder manifest,
      Reconnect reconnect) throws Exception {
    var store = new ContentStoreClient(channel);
    int[] count = {0};
    long[] bytes = {0};
    boolean[] first = {true};
    var changed = new HashSet<Digest>();
    reconnect.call("upload", () -> {
      var missing = store.findMissing(all);
      Map<Digest, Path> toUpload = new LinkedHashMap<>();
      for (Digest d : missing) {
        toUpload.put(d, blobs.containsKey(d) ? blobs.get(d) : history.write(d));
      }
      long size = toUpload.keySet().stream().mapToLong(Digest::getSizeBytes).sum();
      if (first[0]) {
        progress.accept(String.format("packed %d files and %d images; uploading %d of %d blobs (%s)",
            manifest.getFilesCount(), manifest.getImagesCount(), toUpload.size(), all.size(), human(size)));
        first[0] = false;
      }
      changed.addAll(store.upload(toUpload).changed());
      count[0] += toUpload.size();
      bytes[0] += size;
      return null;
    });
    return new Sent(count[0], bytes[0], Set.copyOf(changed));
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
   * StartScan, retried with the same request id through any replica; blobs the store lost in the
   * meantime (garbage collection between upload and start) are uploaded again.
   */
  private String startScan(StartScanRequest start, Collection<Digest> all, Map<Digest, Path> blobs,
      HistorySpool history, Manifest.Builder manifest, Reconnect reconnect) throws Exception {
    var gateway = GatewayGrpc.newBlockingStub(channel);
    for (int attempt = 1; ; attempt++) {
      try {
        return reconnect.call("start scan", () -> gateway.withDeadlineAfter(60, TimeUnit.SECONDS).startScan(start))
            .getScanId();
      } catch (StatusRuntimeException e) {
        boolean lacksBlobs = e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
            && String.valueOf(e.getStatus().getDescription()).startsWith("content store lacks");
        if (!lacksBlobs || attempt == 3) {
          throw e;
        }
        progress.accept("the content store lost blobs since the upload; uploading them again");
        upload(all, blobs, history, manifest, reconnect);
      }
    }
  }

  /**
   * Follows the scan to its result through any replica: when the stream breaks (the replica died,
   * restarted or closed an old connection) it watches again from the last event it saw.
   */
  private ScanResult watch(String scanId, Reconnect reconnect) throws Exception {
    var gateway = GatewayGrpc.newBlockingStub(channel);
    long last = 0;
    while (true) {
      try {
        var updates = gateway.withDeadlineAfter(reconnect.secondsLeft(), TimeUnit.SECONDS)
            .watchScan(WatchScanRequest.newBuilder().setScanId(scanId).setAfterSequence(last).build());
        while (updates.hasNext()) {
          ScanUpdate u = updates.next();
          last = Math.max(last, u.getSequence());
          if (u.hasProgress()) {
            var p = u.getProgress();
            progress.accept(p.getScanner() + " " + p.getPhase()
                + (p.getPhase().equals("started") ? "" : ", " + p.getFindings() + " finding(s)")
                + (p.getMessage().isBlank() ? "" : ": " + p.getMessage()));
          } else if (u.hasResult()) {
            return u.getResult();
          }
        }
        // Ended without the result: the replica went away cleanly. Watch again.
        reconnect.failed("watching scan " + scanId, Status.UNAVAILABLE
            .withDescription("the stream ended before the result").asRuntimeException());
      } catch (StatusRuntimeException e) {
        if (!Reconnect.isTransient(e)) {
          throw e;
        }
        reconnect.failed("watching scan " + scanId + " (after event " + last + ")", e);
      }
    }
  }

  /**
   * A channel to the gateway: one {@code HOST:PORT}, several ({@code h1:p1,h2:p2}, round-robin) or
   * a gRPC URI such as {@code dns:///gateway:7070}. Any replica serves any call (they share the
   * content store and the scans), so calls are spread and a dead replica is simply avoided.
   */
  public static ManagedChannel channel(String target) {
    return channel(target, ClientSecurity.NONE);
  }

  /** {@link #channel(String)} with TLS and a credential as {@code security} says. */
  public static ManagedChannel channel(String target, ClientSecurity security) {
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("expected HOST:PORT, HOST1:PORT1,HOST2:PORT2 or a gRPC URI such as"
          + " dns:///gateway:7070");
    }
    return Channels.forTarget(target.strip(), security);
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
