package dev.bulwark.gateway.core;

/**
 * Where one scanner type is reached.
 *
 * @param name   "sast", "sca" or "container"
 * @param target "host:port", "h1:p1,h2:p2" or a gRPC URI such as "dns:///scanner-sca:7072"
 */
public record ScannerEndpoint(String name, String target, ResiliencePolicy policy) {}
