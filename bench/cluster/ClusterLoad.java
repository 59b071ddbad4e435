// bench/cluster driver: C concurrent scans of real trees through the real client API (ScanClient)
// against N gateway replicas, then an audit of what became of each: decisions, duplicates, lost
// scans, errors with their reasons; and (--overhead) the fan-out overhead against each scanner
// called alone on the same tree. Run by bench/cluster/run.sh on the thin CLI's classpath:
//   java -cp client/target/bulwark-cli.jar bench/cluster/ClusterLoad.java ...
import dev.bulwark.cli.scan.ScanClient;
import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.IgnoreRules;
import dev.bulwark.common.cas.TreePacker;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.GatewayGrpc;
import dev.bulwark.v1.GetScanRequest;
import dev.bulwark.v1.ListDecisionsRequest;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.ScanTask;
import dev.bulwark.v1.ScannerGrpc;
import dev.bulwark.v1.StartScanRequest;
import dev.bulwark.v1.Verdict;
import dev.bulwark.v1.WatchScanRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

public class ClusterLoad {
  record Outcome(String tree, String scanId, long millis, Verdict verdict, String reason, String lost) {}

  public static void main(String[] args) throws Exception {
    var opts = new HashMap<String, String>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String gateways = opts.get("gateways");
    String gate = opts.get("gate");
    int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "50"));
    int scans = Integer.parseInt(opts.getOrDefault("scans", "200"));
    int deadline = Integer.parseInt(opts.getOrDefault("deadline", "300"));
    List<Path> trees = new ArrayList<>();
    for (String t : opts.get("trees").split(",")) {
      trees.add(Path.of(t));
    }
    if (opts.containsKey("overhead")) {
      overhead(gateways, opts.get("scanners"), trees, Integer.parseInt(opts.get("overhead")),
          opts.containsKey("phase-logs") ? Path.of(opts.get("phase-logs")) : null, opts.get("ab"));
      return;
    }
    load(gateways, gate, trees, concurrency, scans, deadline, opts.getOrDefault("run", "run"));
  }

  static void load(String gateways, String gate, List<Path> trees, int concurrency, int scans, int deadline,
      String run) throws Exception {
    var channel = ScanClient.channel(gateways);
    var outcomes = new ConcurrentLinkedQueue<Outcome>();
    var pool = Executors.newFixedThreadPool(concurrency);
    long t0 = System.nanoTime();
    for (int i = 0; i < scans; i++) {
      Path tree = trees.get(i % trees.size());
      String project = "bench-" + run + "/" + tree.getFileName();
      pool.execute(() -> {
        long s = System.nanoTime();
        try {
          var context = ScanContext.newBuilder().setProject(project).setBranch("main").setRequestedBy("bench").build();
          var result = new ScanClient(channel, line -> { }).scan(
              new ScanClient.Request(tree, List.of(), context, deadline, "")).result();
          Decision d = result.getDecision();
          outcomes.add(new Outcome(project, result.getScanId(), (System.nanoTime() - s) / 1_000_000, d.getVerdict(),
              d.getVerdict() == Verdict.ERROR ? String.join("; ", d.getReasonsList()) : "", null));
        } catch (Exception e) {
          outcomes.add(new Outcome(project, null, (System.nanoTime() - s) / 1_000_000, null, null, String.valueOf(e)));
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.HOURS);
    double wall = (System.nanoTime() - t0) / 1e9;

    // Audit: every scan the clients got must be DONE on the gateways, with one decision at the gate.
    var gatewayStub = GatewayGrpc.newBlockingStub(channel);
    var gateChannel = Channels.forTarget(gate);
    var decisionsPerScan = new HashMap<String, Integer>();
    for (String project : outcomes.stream().map(Outcome::tree).distinct().toList()) {
      var list = GateGrpc.newBlockingStub(gateChannel).withDeadlineAfter(60, TimeUnit.SECONDS)
          .listDecisions(ListDecisionsRequest.newBuilder().setProject(project).setLimit(1000).build());
      list.getDecisionsList().stream().filter(d -> !d.getOverridden())
          .forEach(d -> decisionsPerScan.merge(d.getScanId(), 1, Integer::sum));
    }
    int decisions = 0;
    int notDone = 0;
    var errors = new TreeMap<String, Integer>();
    var lost = new TreeMap<String, Integer>();
    var latencies = new ArrayList<Long>();
    var distinctIds = new HashMap<String, Integer>();
    for (Outcome o : outcomes) {
      if (o.lost() != null) {
        lost.merge(o.lost(), 1, Integer::sum);
        continue;
      }
      latencies.add(o.millis());
      distinctIds.merge(o.scanId(), 1, Integer::sum);
      if (o.verdict() != null && o.verdict() != Verdict.VERDICT_UNSPECIFIED) {
        decisions++;
      }
      if (o.verdict() == Verdict.ERROR) {
        errors.merge(o.reason(), 1, Integer::sum);
      }
      ScanResult stored = gatewayStub.withDeadlineAfter(30, TimeUnit.SECONDS)
          .getScan(GetScanRequest.newBuilder().setScanId(o.scanId()).build());
      if (stored.getState() != ScanState.DONE) {
        notDone++;
      }
    }
    int duplicates = (int) decisionsPerScan.values().stream().filter(n -> n > 1).count()
        + (int) distinctIds.values().stream().filter(n -> n > 1).count();
    Collections.sort(latencies);
    System.out.printf("latency ms: p50 %d, p95 %d, p99 %d, max %d (%d scans, concurrency %d)%n",
        pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), pct(latencies, 100), latencies.size(),
        concurrency);
    System.out.printf("throughput: %.2f scans/s (%.1f s wall)%n", outcomes.size() / wall, wall);
    System.out.printf("gate decisions recorded: %d for %d scans; scans not DONE on the gateways: %d%n",
        decisionsPerScan.size(), distinctIds.size(), notDone);
    lost.forEach((why, n) -> System.out.println("lost " + n + ": " + why));
    errors.forEach((why, n) -> System.out.println("error " + n + ": " + why));
    int lostCount = lost.values().stream().mapToInt(Integer::intValue).sum() + notDone;
    var reasons = new ArrayList<String>();
    errors.forEach((why, n) -> reasons.add(n + "x " + why));
    System.out.printf("scans %d, decisions %d, duplicates %d, lost %d, errors %d%s%n", outcomes.size(), decisions,
        duplicates, lostCount, errors.values().stream().mapToInt(Integer::intValue).sum(),
        reasons.isEmpty() ? "" : " (" + String.join(" | ", reasons) + ")");
    Channels.close(gateChannel);
    Channels.close(channel);
  }

  /**
   * Median time from StartScan to the result through the gateway, against the median of each
   * scanner called alone (Scan on a scanner replica, same tree, blobs already cached the same way).
   */
  record Full(String id, long startMs, long fullMs, long slowestInside) {}

  /** One scan through a gateway, StartScan to result (blobs uploaded already). */
  static Full fullScan(GatewayGrpc.GatewayBlockingStub gateway, ScanContext context, Manifest manifest) {
    long s = System.nanoTime();
    String id = gateway.withDeadlineAfter(60, TimeUnit.SECONDS).startScan(StartScanRequest.newBuilder()
        .setRequestId(UUID.randomUUID().toString()).setContext(context).setManifest(manifest).build()).getScanId();
    long startMs = (System.nanoTime() - s) / 1_000_000;
    var last = new ScanResult[1];
    gateway.withDeadlineAfter(600, TimeUnit.SECONDS).watchScan(WatchScanRequest.newBuilder().setScanId(id).build())
        .forEachRemaining(u -> {
          if (u.hasResult()) {
            last[0] = u.getResult();
          }
        });
    long fullMs = (System.nanoTime() - s) / 1_000_000;
    // The slowest scanner as it ran inside this scan (beside the others, on the same cores).
    long slowestInside = last[0].getScannersList().stream().mapToLong(r -> r.getDurationMs()).max().orElse(0);
    return new Full(id, startMs, fullMs, slowestInside);
  }

  /**
   * @param ab a gateway of another build (e.g. main's) on the same cluster, or null: its full
   *           scans are interleaved with this build's, so both see the same machine load
   */
  static void overhead(String gateways, String scanners, List<Path> trees, int runs, Path phaseLogs, String ab)
      throws Exception {
    var channel = ScanClient.channel(gateways);
    var abChannel = ab == null ? null : ScanClient.channel(ab); // round-robin, as the client over this build's
    var store = new ContentStoreClient(channel);
    var targets = new LinkedHashMap<String, String>();
    for (String s : scanners.split(";")) {
      targets.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    for (Path tree : trees) {
      var packed = TreePacker.pack(tree, IgnoreRules.NONE);
      store.upload(store.findMissing(packed.blobs().keySet()).stream()
          .collect(java.util.stream.Collectors.toMap(d -> d, d -> packed.blobs().get(d))));
      if (abChannel != null) {
        // The other build's gateways see the blobs now too: both remember them (S3: a minute) from the
        // same moment, else this build's memory lapses first and its StartScans alone HEAD every blob.
        new ContentStoreClient(abChannel).findMissing(packed.blobs().keySet());
      }
      var manifest = Manifest.newBuilder().addAllFiles(packed.files()).build();
      var context = ScanContext.newBuilder().setProject("bench-overhead/" + tree.getFileName()).setBranch("main").build();
      var gateway = GatewayGrpc.newBlockingStub(channel);
      var full = new ArrayList<Long>();
      var starts = new ArrayList<Long>();
      var ids = new ArrayList<String>();
      var inside = new ArrayList<Long>();
      var alone = new LinkedHashMap<String, List<Long>>();
      var other = new ArrayList<Long>();
      var otherIds = new ArrayList<String>();
      for (int i = 0; i < runs + 1; i++) {
        Full f;
        if (ab != null && i % 2 == 1) { // A/B interleaved, each build first in every other round
          var o = fullScan(GatewayGrpc.newBlockingStub(abChannel), context, manifest);
          f = fullScan(gateway, context, manifest);
          other.add(o.fullMs());
          otherIds.add(o.id());
        } else {
          f = fullScan(gateway, context, manifest);
          if (ab != null) {
            var o = fullScan(GatewayGrpc.newBlockingStub(abChannel), context, manifest);
            other.add(o.fullMs());
            otherIds.add(o.id());
          }
        }
        long startMs = f.startMs();
        long fullMs = f.fullMs();
        String id = f.id();
        long slowestInside = f.slowestInside();
        for (var t : targets.entrySet()) {
          var scannerChannel = Channels.forTarget(t.getValue());
          long a = System.nanoTime();
          ScannerGrpc.newBlockingStub(scannerChannel).withDeadlineAfter(600, TimeUnit.SECONDS)
              .scan(ScanTask.newBuilder().setScanId("alone-" + UUID.randomUUID()).setContext(context)
                  .setManifest(manifest).setContentStore(gateways.split(",")[0]).build())
              .forEachRemaining(e -> { });
          if (i > 0) { // the first round warms caches and JITs
            alone.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - a) / 1_000_000);
          }
          Channels.close(scannerChannel);
        }
        if (i > 0) {
          full.add(fullMs);
          starts.add(startMs);
          ids.add(id);
          inside.add(slowestInside);
        }
      }
      long fullMedian = median(full);
      var slowest = alone.entrySet().stream().max(Map.Entry.comparingByValue((x, y) -> Long.compare(median(x), median(y))))
          .orElseThrow();
      var each = new ArrayList<String>();
      alone.forEach((k, v) -> each.add(k + " " + median(v) + " ms"));
      System.out.printf("%s (%d files), %d runs: full scan median %d ms; alone: %s; slowest alone %s %d ms;"
          + " ratio %.2fx; slowest scanner inside the scan %d ms (ratio %.2fx, fixed overhead %d ms)%n",
          tree.getFileName(), manifest.getFilesCount(), runs, fullMedian, String.join(", ", each),
          slowest.getKey(), median(slowest.getValue()), fullMedian / (double) median(slowest.getValue()),
          median(inside), fullMedian / (double) Math.max(1, median(inside)), fullMedian - median(inside));
      if (ab != null) {
        other.remove(0); // the warm-up round
        otherIds.remove(0);
        System.out.printf("  A/B in the same cluster, interleaved: this build %d ms, the other build %d ms"
            + " (median full scan; ratio %.2f)%n", fullMedian, median(other), fullMedian / (double) median(other));
      }
      if (phaseLogs != null) {
        System.out.printf("  phases, median ms: StartScan call %d (client);%s%n", median(starts), phases(phaseLogs, ids));
        if (ab != null) {
          System.out.printf("  the other build's phases, median ms:%s%n", phases(phaseLogs, otherIds));
        }
      }
    }
    Channels.close(channel);
    if (abChannel != null) {
      Channels.close(abChannel);
    }
  }

  /**
   * The gateways' own account of these scans (ScanPhases at DEBUG: "scan ID phases ms: a=1 b=2"
   * and "scan ID delivered ms: deliver=3"), as the median of each phase.
   */
  static String phases(Path logs, List<String> ids) throws java.io.IOException {
    var wanted = new java.util.HashSet<>(ids);
    var byPhase = new LinkedHashMap<String, List<Long>>();
    var line = java.util.regex.Pattern.compile("scan (\\S+) (?:phases|delivered) ms: (.*)$");
    try (var files = java.nio.file.Files.newDirectoryStream(logs, "gateway-*.log")) {
      for (Path f : files) {
        for (String l : java.nio.file.Files.readAllLines(f)) {
          var m = line.matcher(l);
          if (m.find() && wanted.contains(m.group(1))) {
            for (String kv : m.group(2).trim().split(" ")) {
              String[] p = kv.split("=");
              byPhase.computeIfAbsent(p[0], k -> new ArrayList<>()).add(Long.parseLong(p[1]));
            }
          }
        }
      }
    }
    var out = new StringBuilder();
    byPhase.forEach((k, v) -> out.append(' ').append(k).append(' ').append(median(v))
        .append(v.size() < ids.size() ? " (" + v.size() + " of " + ids.size() + " scans)" : ""));
    return out.toString();
  }

  static long median(List<Long> xs) {
    var s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
