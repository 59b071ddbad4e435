package dev.bulwark.container.dockerfile;

/**
 * A parsed image reference: {@code [registry/]repository[:tag][@digest]}.
 *
 * @param repository the path without registry host ("library/node" is kept as "node")
 * @param tag        the tag, or empty
 * @param digest     the digest ("sha256:..."), or empty
 */
public record ImageReference(String repository, String tag, String digest) {

  public static ImageReference parse(String ref) {
    String digest = "";
    int at = ref.indexOf('@');
    if (at >= 0) {
      digest = ref.substring(at + 1);
      ref = ref.substring(0, at);
    }
    String tag = "";
    int colon = ref.lastIndexOf(':');
    if (colon > ref.lastIndexOf('/')) {
      tag = ref.substring(colon + 1);
      ref = ref.substring(0, colon);
    }
    String[] parts = ref.split("/");
    // The first segment is a registry host when it has a dot or a port, or is "localhost".
    int from = parts.length > 1 && (parts[0].contains(".") || parts[0].contains(":") || parts[0].equals("localhost")) ? 1 : 0;
    String repo = String.join("/", java.util.Arrays.copyOfRange(parts, from, parts.length));
    if (repo.startsWith("library/")) {
      repo = repo.substring("library/".length());
    }
    return new ImageReference(repo, tag, digest);
  }

  /** The last path segment: "node" for "docker.io/library/node". */
  public String name() {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  public boolean pinned() {
    return !digest.isEmpty();
  }

  /** No tag and no digest, or the {@code latest} tag. */
  public boolean floating() {
    return tag.equals("latest") || tag.isEmpty() && digest.isEmpty();
  }
}
