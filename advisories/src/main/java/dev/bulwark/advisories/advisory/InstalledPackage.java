package dev.bulwark.advisories.advisory;

import dev.bulwark.v1.Scope;

/**
 * One dependency as a manifest or lockfile declares it.
 *
 * @param ecosystem    as OSV spells it: "npm", "Maven", "PyPI", "Go", "crates.io", ...
 * @param name         as the ecosystem spells it ("group:artifact" for Maven)
 * @param version      the resolved (installed) version
 * @param scope        RUNTIME, DEV, TEST, PROVIDED or OPTIONAL
 * @param direct       TRUE when declared directly, FALSE when transitive, null when the format does not tell
 * @param manifestPath relative path of the file that declares it
 * @param line         1-based line of the declaration, 0 when unknown
 * @param purl         package URL
 */
public record InstalledPackage(String ecosystem, String name, String version, Scope scope,
    Boolean direct, String manifestPath, int line, String purl) {}
