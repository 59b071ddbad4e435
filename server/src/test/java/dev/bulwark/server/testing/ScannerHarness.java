package dev.bulwark.server.testing;

import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.ContentStoreService;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.cas.IgnoreRules;
import dev.bulwark.common.cas.TreePacker;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.server.scanner.ScannerGrpcService;
import dev.bulwark.server.scanner.results.ResultStore;
import dev.bulwark.v1.DescribeRequest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Image;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanEvent;
import dev.bulwark.v1.ScanSummary;
import dev.bulwark.v1.ScanTask;
import dev.bulwark.v1.ScannerGrpc;
import dev.bulwark.v1.ScannerInfo;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scanner engine for real in tests: a content store and the scanner as two gRPC servers
 * on loopback, a folder uploaded as a client would, and {@code Scan} called over the wire.
 */
public final class ScannerHarness implements AutoCloseable {
  private final ManagedGrpcServer storeServer;
  private final ManagedGrpcServer scannerServer;
  private final ScannerGrpcService scannerService;
  private final ManagedChannel storeChannel;
  private final ManagedChannel scannerChannel;

  /** The scan's result as the gateway would see it: findings, summary, and the inventory (packages) sent. */
  public record Result(List<Finding> findings, ScanSummary summary, List<dev.bulwark.v1.Package> packages) {}

  public ScannerHarness(ScannerEngine engine, Path workDir) throws IOException {
    this(engine, workDir, ResultStore.NONE);
  }

  /** A scanner that keeps its per-unit analysis results in {@code results} between scans (no whole answers). */
  public ScannerHarness(ScannerEngine engine, Path workDir, ResultStore results) throws IOException {
    this(engine, workDir, results, false);
  }

  /**
   * A scanner that keeps its analysis results in {@code results} between scans, and its whole
   * answers too when {@code wholeAnswers} (as a deployed scanner does).
   */
  public ScannerHarness(ScannerEngine engine, Path workDir, ResultStore results, boolean wholeAnswers)
      throws IOException {
    var store = new DiskBlobStore(Files.createDirectories(workDir.resolve("cas")));
    storeServer = ManagedGrpcServer.onLoopback("test-cas", 0, new ContentStoreService(store));
    storeServer.start();
    scannerService = new ScannerGrpcService(engine,
        new DiskBlobStore(Files.createDirectories(workDir.resolve("scanner-cache"))), storeServer.target(),
        ClientSecurity.NONE, java.util.Optional.empty(), results, wholeAnswers);
    scannerServer = ManagedGrpcServer.onLoopback("test-" + engine.name(), 0, scannerService);
    scannerServer.start();
    storeChannel = Channels.forTarget(storeServer.target());
    scannerChannel = Channels.forTarget(scannerServer.target());
  }

  /** Scans answered from the whole-answer cache, without running the engine. */
  public int answersReused() {
    return scannerService.answersReused();
  }

  public ScannerInfo describe() {
    return ScannerGrpc.newBlockingStub(scannerChannel).describe(DescribeRequest.getDefaultInstance());
  }

  /** Uploads the folder and the image archives, then scans them. */
  public Result scan(Path folder, Path... images) throws IOException {
    return scan(folder, task -> { }, images);
  }

  /** As {@link #scan(Path, Path...)}, with further task fields (e.g. {@code verify_secrets}) set by {@code task}. */
  public Result scan(Path folder, java.util.function.Consumer<ScanTask.Builder> task, Path... images)
      throws IOException {
    var client = new ContentStoreClient(storeChannel);
    var manifest = Manifest.newBuilder();
    if (folder != null) {
      var tree = TreePacker.pack(folder, IgnoreRules.NONE);
      client.upload(tree.blobs());
      manifest.addAllFiles(tree.files());
    }
    for (Path image : images) {
      var d = Digests.of(image);
      client.upload(Map.of(d, image));
      manifest.addImages(Image.newBuilder().setName(image.getFileName().toString()).setArchive(d));
    }
    var builder = ScanTask.newBuilder().setScanId("test").setManifest(manifest);
    task.accept(builder);
    return scan(builder.build());
  }

  public Result scan(ScanTask task) {
    var findings = new ArrayList<Finding>();
    var packages = new ArrayList<dev.bulwark.v1.Package>();
    ScanSummary summary = null;
    var events = ScannerGrpc.newBlockingStub(scannerChannel).withDeadlineAfter(5, TimeUnit.MINUTES).scan(task);
    while (events.hasNext()) {
      ScanEvent e = events.next();
      if (e.hasFinding()) {
        findings.add(e.getFinding());
      } else if (e.hasPackage()) {
        packages.add(e.getPackage());
      } else {
        summary = e.getSummary();
      }
    }
    if (summary == null) {
      throw new AssertionError("scan ended without a summary");
    }
    return new Result(findings, summary, packages);
  }

  @Override
  public void close() throws Exception {
    Channels.close(storeChannel);
    Channels.close(scannerChannel);
    scannerService.close();
    scannerServer.stop();
    storeServer.stop();
  }
}
