package dev.bulwark.sca.maven;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;

/**
 * Maven resolution with Maven's own libraries: the model builder makes a project's effective
 * model (parents, imported BOMs, properties, profiles active by default, dependencyManagement) and
 * the resolver collects its dependency graph (transitives, exclusions, optional and scope rules,
 * nearest-wins mediation), exactly as {@code mvn dependency:list} sees it. Only POMs are fetched,
 * never jars.
 *
 * <p>Remote repositories sit behind a circuit breaker: after repeated network failures scans
 * resolve offline (local repository and cache only) for a while, and say so, instead of waiting
 * out every timeout. One resolver serves many scans; {@link #open} starts one scan's session.
 */
public final class MavenResolver implements AutoCloseable {
  private final MavenSettings settings;
  private final RepositorySystem system;
  private final ModelBuilder modelBuilder;
  private final CircuitBreaker remotes;

  public MavenResolver(MavenSettings settings) {
    this(settings, CircuitBreaker.of("maven-remotes", CircuitBreakerConfig.custom()
        .slidingWindowSize(4).minimumNumberOfCalls(2).failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofMinutes(1)).build()));
  }

  MavenResolver(MavenSettings settings, CircuitBreaker remotes) {
    this.settings = settings;
    var supplier = new RepositorySystemSupplier();
    this.system = supplier.get();
    this.modelBuilder = supplier.getModelBuilder();
    this.remotes = remotes;
  }

  public MavenSettings settings() {
    return settings;
  }

  /** The breaker in front of the remote repositories (for tests and status). */
  public CircuitBreaker remotes() {
    return remotes;
  }

  /** A resolution session over one scanned tree's modules; close it when the scan's Maven work is done. */
  public Session open(Reactor reactor) throws IOException {
    boolean breakerOpen = !settings.offline() && !remotes.tryAcquirePermission();
    boolean offline = settings.offline() || breakerOpen;
    var heads = new ArrayList<Path>();
    heads.add(Files.createDirectories(settings.cache()));
    settings.localRepository().ifPresent(heads::add);
    var missing = new MissingDescriptors();
    var builder = new SessionBuilderSupplier(system).get()
        .withRepositoryListener(missing)
        .withLocalRepositoryBaseDirectories(heads)
        .setOffline(offline)
        .setWorkspaceReader(reactor)
        .setMirrorSelector(MavenRepositories.mirrors(settings.mirrors()))
        .setAuthenticationSelector(MavenRepositories.authentication(settings.mirrors()))
        .setSystemProperties(System.getProperties())
        // a miss or a network error is not remembered: the next scan asks again
        .setResolutionErrorPolicy(new SimpleResolutionErrorPolicy(false, false))
        .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, (int) settings.connectTimeout().toMillis())
        .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, (int) settings.requestTimeout().toMillis())
        .setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 1)
        .setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_INTERVAL, 500L)
        .setConfigProperty(ConfigurationProperties.USER_AGENT, "Bulwark");
    String why = settings.offline() ? "offline" : breakerOpen
        ? "offline: remote repositories unreachable (circuit open after repeated network failures)" : "";
    return new Session(builder.build(), reactor, why, missing);
  }

  @Override
  public void close() {
    system.shutdown();
  }

  /** One scan's resolution session. */
  public final class Session implements AutoCloseable {
    private final RepositorySystemSession.CloseableSession session;
    private final Reactor reactor;
    private final String offlineReason;
    private final MissingDescriptors missing;

    private Session(RepositorySystemSession.CloseableSession session, Reactor reactor, String offlineReason,
        MissingDescriptors missing) {
      this.session = session;
      this.reactor = reactor;
      this.offlineReason = offlineReason;
      this.missing = missing;
    }

    /** Why this session does not reach remote repositories, empty when it does. */
    public String offlineReason() {
      return offlineReason;
    }

    /** The project at this tree path: its effective model, then its graph. */
    public Resolution resolveProject(String pomPath) {
      Path pom = reactor.pom(pomPath);
      if (pom == null) {
        throw new IllegalArgumentException("not a pom of this tree: " + pomPath);
      }
      var request = new DefaultModelBuildingRequest()
          .setPomFile(pom.toFile())
          .setModelResolver(new RepositoryModelResolver(system, session, initialRepositories()))
          .setSystemProperties(properties())
          .setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL)
          .setProcessPlugins(false)
          .setTwoPhaseBuilding(false)
          .setLocationTracking(true);
      Model model;
      boolean released;
      try {
        var built = modelBuilder.build(request);
        model = built.getEffectiveModel();
        // a parent from a repository that is a SNAPSHOT may change under the same name
        released = built.getModelIds().stream().skip(1).filter(id -> !id.isEmpty())
            .noneMatch(id -> id.endsWith("-SNAPSHOT") && !reactor.isModule(id.split(":")[0], id.split(":")[1]));
      } catch (ModelBuildingException e) {
        record(Failures.isNetwork(e));
        return new Resolution(List.of(), Failures.ofModel(pomPath, e, offlineReason), false, false);
      }
      var collect = Graphs.request(model, session.getArtifactTypeRegistry());
      collect.setRepositories(system.newResolutionRepositories(session,
          model.getRepositories().stream().map(MavenRepositories::remote).toList()));
      var resolution = collect(pomPath, collect, Graphs.declarationLines(model));
      return released ? resolution : new Resolution(resolution.dependencies(), resolution.problems(), true, false);
    }

    /** Declared coordinates without a project model (Gradle): their transitive graph from the remotes. */
    public Resolution resolveDependencies(String manifestPath, List<Dependency> dependencies) {
      var collect = new CollectRequest();
      dependencies.forEach(collect::addDependency);
      collect.setRepositories(initialRepositories());
      return collect(manifestPath, collect, java.util.Map.of());
    }

    private Resolution collect(String manifestPath, CollectRequest request, java.util.Map<String, Integer> lines) {
      CollectResult result;
      missing.clear();
      try {
        result = system.collectDependencies(session, request);
      } catch (DependencyCollectionException e) {
        result = e.getResult();
      }
      var problems = new ArrayList<String>();
      result.getExceptions().forEach(e -> problems.add(Failures.ofCollection(manifestPath, e, offlineReason)));
      // Maven goes on without a dependency's missing POM (the dependency stays, its transitives are lost): say so
      missing.drain().forEach(m -> problems.add(Failures.ofMissingPom(manifestPath, m, offlineReason)));
      record(missing.sawNetworkFailure() || result.getExceptions().stream().anyMatch(Failures::isNetwork));
      return new Resolution(Graphs.flatten(result.getRoot(), lines, reactor), problems.stream().distinct().toList(), true,
          Graphs.released(result.getRoot(), reactor));
    }

    private List<RemoteRepository> initialRepositories() {
      return system.newResolutionRepositories(session, MavenRepositories.remotes(settings.remotes()));
    }

    private Properties properties() {
      var p = new Properties();
      p.putAll(System.getProperties());
      return p;
    }

    /** Online calls feed the breaker: one with a network failure counts as failed. */
    private void record(boolean networkFailure) {
      if (session.isOffline()) {
        return;
      }
      if (networkFailure) {
        remotes.onError(0, java.util.concurrent.TimeUnit.NANOSECONDS, new IOException("network failure"));
      } else {
        remotes.onSuccess(0, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public void close() {
      session.close();
    }
  }
}
