package dev.bulwark.cas.s3;

import dev.bulwark.common.cas.BlobCheck;
import dev.bulwark.common.cas.BlobWriter;
import dev.bulwark.v1.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one blob to the bucket. A blob up to the part size is held in memory and put in one
 * request at commit; a larger one goes up as a multipart upload, part by part as its bytes
 * arrive, and is completed only once the whole blob hashed to its digest (aborted otherwise),
 * so no reader ever sees an unverified object.
 */
final class S3Writer implements BlobWriter {
  private final S3BlobStore store;
  private final Digest expected;
  private final String key;
  private final BlobCheck check;
  private final byte[] buffer;
  private int buffered;
  private String uploadId;
  private final List<CompletedPart> parts = new ArrayList<>();
  private boolean done;

  S3Writer(S3BlobStore store, Digest expected) {
    this.store = store;
    this.expected = expected;
    this.key = store.key(expected);
    this.check = new BlobCheck(expected);
    this.buffer = new byte[(int) Math.min(expected.getSizeBytes(), store.settings().partSizeBytes())];
  }

  @Override
  public Digest digest() {
    return expected;
  }

  @Override
  public long written() {
    return check.written();
  }

  @Override
  public void write(byte[] data, int off, int len) throws IOException {
    check.add(data, off, len);
    while (len > 0) {
      if (buffered == buffer.length) {
        uploadPart(); // a full buffer and more bytes to come: it is a part
      }
      int n = Math.min(len, buffer.length - buffered);
      System.arraycopy(data, off, buffer, buffered, n);
      buffered += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public void commit() throws IOException {
    try {
      check.verify();
    } catch (IllegalArgumentException e) {
      abort();
      throw e;
    }
    String bucket = store.settings().bucket();
    try {
      if (uploadId == null) {
        store.client().putObject(b -> b.bucket(bucket).key(key).contentLength((long) buffered),
            RequestBody.fromBytes(buffered == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, buffered)));
      } else {
        if (buffered > 0) {
          uploadPart();
        }
        store.client().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
            .multipartUpload(m -> m.parts(parts)));
      }
    } catch (SdkException e) {
      abort();
      throw store.io("cannot store blob " + expected.getHash(), e);
    }
    done = true;
    store.saw(expected);
  }

  private void uploadPart() throws IOException {
    String bucket = store.settings().bucket();
    try {
      if (uploadId == null) {
        uploadId = store.client().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
      }
      int number = parts.size() + 1;
      var response = store.client().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
          .partNumber(number).contentLength((long) buffered), RequestBody.fromBytes(
              buffered == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, buffered)));
      parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
      buffered = 0;
    } catch (SdkException e) {
      abort();
      throw store.io("cannot upload part " + (parts.size() + 1) + " of blob " + expected.getHash(), e);
    }
  }

  private void abort() {
    if (uploadId != null && !done) {
      String id = uploadId;
      uploadId = null;
      try {
        store.client().abortMultipartUpload(b -> b.bucket(store.settings().bucket()).key(key).uploadId(id));
      } catch (SdkException ignored) {
        // the bucket's lifecycle rule for incomplete uploads cleans up what this could not
      }
    }
  }

  @Override
  public void close() {
    if (!done) {
      abort();
    }
  }
}
