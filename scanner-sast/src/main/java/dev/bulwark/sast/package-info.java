/**
 * scanner-sast: insecure code and committed secrets.
 *
 * <p>Where things are: {@link dev.bulwark.sast.SastApplication} (Dropwizard wiring),
 * {@link dev.bulwark.sast.SastConfiguration} (YAML), {@link dev.bulwark.sast.SastEngine} (the
 * plain-Java scanner the gRPC service calls), {@link dev.bulwark.sast.Analyzers} (the registry: one
 * list of analyzers), {@link dev.bulwark.sast.SastEmbeddedService} (the embedded cluster),
 * {@link dev.bulwark.sast.LocalScan} (scan a folder from the command line, for benchmarks).
 * Analyzers live in {@code secrets}, {@code java} (taint) and {@code rules} (YAML pattern packs);
 * rule packs are resources under {@code dev/bulwark/sast/rules/}.
 */
package dev.bulwark.sast;
