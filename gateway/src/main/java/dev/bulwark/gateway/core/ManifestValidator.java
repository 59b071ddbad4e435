package dev.bulwark.gateway.core;

import dev.bulwark.common.cas.Digests;
import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Image;
import dev.bulwark.v1.StartScanRequest;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * Checks a scan request before any scanner sees it: a project, well-formed relative paths
 * without duplicates, well-formed digests, and every blob present in the content store.
 */
public final class ManifestValidator {
  /** How many missing digests an error message lists before it says "and N more". */
  static final int LISTED_MISSING = 20;

  private ManifestValidator() {}

  /**
   * @throws IllegalArgumentException naming the offending path (INVALID_ARGUMENT on the wire)
   * @param storeLacks the digests the content store lacks among those given, asked once for the
   *                   whole manifest ({@link dev.bulwark.common.cas.BlobStore#missing}: S3 answers
   *                   thousands of blobs in one round of parallel requests, not one at a time)
   * @throws MissingBlobsException    listing the digests the store lacks (FAILED_PRECONDITION)
   */
  public static void validate(StartScanRequest request, Function<Collection<Digest>, List<Digest>> storeLacks) {
    if (request.getContext().getProject().isBlank()) {
      throw new IllegalArgumentException("context.project is required");
    }
    if (request.getDeadlineSeconds() < 0) {
      throw new IllegalArgumentException("deadline_seconds must not be negative");
    }
    var manifest = request.getManifest();
    var seen = new HashSet<String>();
    var wanted = new LinkedHashMap<String, Digest>();
    for (FileEntry f : manifest.getFilesList()) {
      checkPath(f.getPath());
      if (!seen.add(f.getPath())) {
        throw new IllegalArgumentException("duplicate path in manifest: " + f.getPath());
      }
      checkDigest(f.getDigest(), "file " + f.getPath());
      wanted.putIfAbsent(f.getDigest().getHash(), f.getDigest());
    }
    for (Image image : manifest.getImagesList()) {
      if (!image.hasArchive()) {
        throw new IllegalArgumentException("image '" + image.getName() + "' has no archive digest");
      }
      checkDigest(image.getArchive(), "image " + image.getName());
      wanted.putIfAbsent(image.getArchive().getHash(), image.getArchive());
    }
    var missing = wanted.isEmpty() ? List.<Digest>of() : storeLacks.apply(List.copyOf(wanted.values()));
    if (!missing.isEmpty()) {
      throw new MissingBlobsException(missing);
    }
  }

  /** Relative, '/'-separated, no empty, "." or ".." segments, no leading '/'. */
  static void checkPath(String path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty path in manifest");
    }
    if (path.startsWith("/")) {
      throw new IllegalArgumentException("absolute path in manifest: " + path);
    }
    if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("path must use '/' separators and no NUL: " + path);
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("path with an empty, '.' or '..' segment in manifest: " + path);
      }
    }
  }

  private static void checkDigest(Digest d, String owner) {
    try {
      Digests.validate(d);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
    }
  }

  /**
   * The content store lacks blobs the manifest refers to; the client should upload them
   * (FAILED_PRECONDITION on the wire).
   */
  public static final class MissingBlobsException extends Refusal {
    private static final long serialVersionUID = 1L;
    private final transient List<Digest> missing;

    public MissingBlobsException(List<Digest> missing) {
      super(Reason.PRECONDITION, describe(missing));
      this.missing = List.copyOf(missing);
    }

    public List<Digest> missing() {
      return missing;
    }

    private static String describe(List<Digest> missing) {
      var listed = missing.stream().limit(LISTED_MISSING).map(Digests::format).toList();
      String more = missing.size() > LISTED_MISSING ? " and " + (missing.size() - LISTED_MISSING) + " more" : "";
      return "content store lacks " + missing.size() + " blob(s); upload them first: "
          + String.join(", ", listed) + more;
    }
  }
}
