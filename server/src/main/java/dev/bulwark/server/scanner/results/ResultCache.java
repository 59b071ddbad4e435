package dev.bulwark.server.scanner.results;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.v1.UnitResult;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan's view of the results cache for one engine. A unit's result (a file's findings, a
 * lockfile's packages) is kept under its engine key, its name (path) and its content digest,
 * with the value each of its dependencies had ({@code read:<path>} → that file's digest, ...); it
 * is reused only while every dependency still has that value, so a change in a callee or a parent
 * pom invalidates the results that used it and nothing else. The store failing never fails a scan:
 * the unit is analysed again.
 */
public final class ResultCache {
  private static final Logger LOG = LoggerFactory.getLogger(ResultCache.class);

  /** Remembers nothing: every lookup misses. */
  public static final ResultCache OFF = new ResultCache(ResultStore.NONE, "");

  private final ResultStore store;
  private final Supplier<String> engineKeySource;
  /** The engine key, asked on first use (an empty tree never loads the analyzers to make it). */
  private String engineKey;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger misses = new AtomicInteger();
  /** The dependencies of every result reused or kept in this scan (what the scan's answer rests on). */
  private final Set<String> used = ConcurrentHashMap.newKeySet();

  /**
   * @param engineKey what every result of the engine depends on besides its unit (analyzers, their
   *                  versions, rule-pack digests, the settings that change results); empty: off
   */
  public ResultCache(ResultStore store, String engineKey) {
    this(store, () -> engineKey);
  }

  /**
   * @param engineKey asked once, on the first lookup or save (not at all for an empty tree), so
   *                  that an engine may load its analyzers and rule packs to make it; empty: off
   */
  public ResultCache(ResultStore store, Supplier<String> engineKey) {
    this.store = store;
    this.engineKeySource = engineKey;
  }

  /** Whether results are kept; asks for the engine key. */
  public boolean enabled() {
    return store != ResultStore.NONE && !engineKey().isEmpty();
  }

  private synchronized String engineKey() {
    if (engineKey == null) {
      try {
        engineKey = store == ResultStore.NONE ? "" : engineKeySource.get();
      } catch (RuntimeException e) {
        LOG.warn("results cache off for this scan: no engine key: {}", e.toString());
        engineKey = "";
      }
    }
    return engineKey;
  }

  /** This cache, or {@link #OFF} when the scan must not use it (e.g. results that call providers). */
  public ResultCache unless(boolean off) {
    return off ? OFF : this;
  }

  /**
   * The result kept for this unit and content, when each of its dependencies still has the value
   * it had ({@code current} gives today's value of a dependency).
   */
  public Optional<UnitResult> lookup(String unit, String contentDigest, Function<String, String> current) {
    if (!enabled()) {
      return Optional.empty();
    }
    try {
      var bytes = store.get(key(unit, contentDigest));
      if (bytes.isPresent()) {
        var result = UnitResult.parseFrom(bytes.get());
        if (stillValid(result.getDependenciesMap(), current)) {
          used.addAll(result.getDependenciesMap().keySet());
          hits.incrementAndGet();
          return Optional.of(result);
        }
      }
    } catch (InvalidProtocolBufferException e) {
      LOG.warn("results cache: unreadable entry for {} (analysed again)", unit);
    } catch (IOException | RuntimeException e) {
      LOG.warn("results cache {}: cannot read the entry for {}: {}", store.describe(), unit, e.toString());
    }
    misses.incrementAndGet();
    return Optional.empty();
  }

  /**
   * Keeps a unit's result with the values its dependencies have now.
   *
   * @param dependencies what the analysis used besides the unit's own content
   */
  public void save(String unit, String contentDigest, UnitResult.Builder result, Collection<String> dependencies,
      Function<String, String> current) {
    if (!enabled()) {
      return;
    }
    used.addAll(dependencies);
    try {
      result.clearDependencies();
      dependencies.forEach(d -> result.putDependencies(d, fingerprint(current.apply(d))));
      store.put(key(unit, contentDigest), result.build().toByteArray());
    } catch (IOException | RuntimeException e) {
      LOG.warn("results cache {}: cannot keep the result of {}: {}", store.describe(), unit, e.toString());
    }
  }

  /**
   * What the results reused or kept in this scan depended on besides their units ({@code read:<path>},
   * ...): a replayed result read nothing, yet the scan's answer still rests on these.
   */
  public Set<String> dependenciesUsed() {
    return Set.copyOf(used);
  }

  /** Units whose result came from the cache in this scan. */
  public int hits() {
    return hits.get();
  }

  /** Units looked up and analysed again (no result kept, or a dependency changed). */
  public int misses() {
    return misses.get();
  }

  private static boolean stillValid(Map<String, String> dependencies, Function<String, String> current) {
    for (var d : dependencies.entrySet()) {
      if (!d.getValue().equals(fingerprint(current.apply(d.getKey())))) {
        return false;
      }
    }
    return true;
  }

  /** Values are kept as digests: a property's value may be a password. */
  private static String fingerprint(String value) {
    return Digests.sha256Hex(value).substring(0, 32);
  }

  private String key(String unit, String contentDigest) {
    return Digests.sha256Hex(engineKey() + '\n' + unit + '\n' + contentDigest);
  }
}
