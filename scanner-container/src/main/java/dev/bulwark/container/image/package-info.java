/**
 * The native container image analyzer: reads {@code docker save} and OCI image tarballs layer by
 * layer ({@link dev.bulwark.container.image.ImageReader}, {@link dev.bulwark.container.image.LayerTarReader})
 * into a merged in-memory tree, with whiteouts, link checks and {@link dev.bulwark.container.image.ImageLimits}
 * against hostile archives, and keeps each layer's reading in a size-bounded LRU
 * {@link dev.bulwark.container.image.LayerCache}.
 *
 * <p>{@link dev.bulwark.container.image.ImageAnalyzer} holds the one registry of package databases,
 * each its own versioned class:
 * <ul>
 *   <li>{@link dev.bulwark.container.image.DpkgDatabase} (Debian, Ubuntu) and
 *       {@link dev.bulwark.container.image.ApkDatabase} (Alpine): OS packages, by source package;</li>
 *   <li>{@link dev.bulwark.artifacts.LanguagePackageDatabases}: npm {@code node_modules} and Python
 *       {@code site-packages};</li>
 *   <li>{@link dev.bulwark.artifacts.JavaArchives}: Maven packages of jar/war/ear files, nested ones
 *       included, from {@code pom.properties} (manifest guesses with LOW confidence), walked by the bounded
 *       {@link dev.bulwark.artifacts.ZipWalk};</li>
 *   <li>{@link dev.bulwark.artifacts.GoBinaries}: Go modules and the standard library of Go 1.18+
 *       ELF executables ({@code .go.buildinfo}).</li>
 * </ul>
 * The last two are {@link dev.bulwark.artifacts.EmbeddedPackageDatabase}s: their files are streamed
 * once while the layer is read and only a short record of the packages is kept. rpm databases
 * (BerkeleyDB, ndb, SQLite) are detected and reported as not supported, never as an empty inventory.
 * Every package carries the layer that first installed it; {@link dev.bulwark.container.image.ImageScan}
 * hands them to an {@link dev.bulwark.container.image.ImagePackageMatcher} (the SCA advisory engine).
 */
package dev.bulwark.container.image;





