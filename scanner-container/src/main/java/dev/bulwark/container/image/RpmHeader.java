package dev.bulwark.container.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One rpm package header as rpm stores it in its database (the header without its 8-byte magic):
 * big-endian index count and data length, the index entries (tag, type, offset, count; 16 bytes
 * each), then the data store. Only the tags an inventory needs are read; a malformed header gives
 * empty values, never an exception.
 */
final class RpmHeader {
  static final int NAME = 1000;
  static final int VERSION = 1001;
  static final int RELEASE = 1002;
  static final int EPOCH = 1003;
  static final int ARCH = 1022;
  static final int SOURCERPM = 1044;
  private static final int TYPE_INT32 = 4;
  private static final int TYPE_STRING = 6;
  private static final int TYPE_I18NSTRING = 9;
  /** rpm's own bound on index entries (hdrchk). */
  private static final int MAX_INDEX = 0x0000ffff;

  private final ByteBuffer b;
  private final int count;
  private final int dataStart;
  private final int dataLength;

  private RpmHeader(ByteBuffer b, int count, int dataStart, int dataLength) {
    this.b = b;
    this.count = count;
    this.dataStart = dataStart;
    this.dataLength = dataLength;
  }

  /** The header in {@code blob}, when its counts fit in it. */
  static Optional<RpmHeader> parse(byte[] blob) {
    if (blob == null || blob.length < 8) {
      return Optional.empty();
    }
    var b = ByteBuffer.wrap(blob); // big-endian
    int il = b.getInt(0);
    int dl = b.getInt(4);
    long dataStart = 8L + 16L * il;
    if (il < 1 || il > MAX_INDEX || dl < 0 || dataStart + dl > blob.length) {
      return Optional.empty();
    }
    return Optional.of(new RpmHeader(b, il, (int) dataStart, dl));
  }

  /** The entry of the tag: its type, offset and count; null when absent or out of bounds. */
  private int[] entry(int tag) {
    for (int i = 0; i < count; i++) {
      int at = 8 + 16 * i;
      if (b.getInt(at) == tag) {
        int type = b.getInt(at + 4);
        int offset = b.getInt(at + 8);
        int n = b.getInt(at + 12);
        return offset < 0 || offset >= dataLength || n < 1 ? null : new int[] {type, offset, n};
      }
    }
    return null;
  }

  /** A STRING (or the first I18NSTRING) tag; empty when absent. */
  String string(int tag) {
    int[] e = entry(tag);
    if (e == null || (e[0] != TYPE_STRING && e[0] != TYPE_I18NSTRING)) {
      return "";
    }
    int start = dataStart + e[1];
    int end = start;
    int limit = dataStart + dataLength;
    while (end < limit && b.get(end) != 0) {
      end++;
    }
    return new String(b.array(), start, end - start, StandardCharsets.UTF_8);
  }

  /** The first value of an INT32 tag. */
  Optional<Integer> int32(int tag) {
    int[] e = entry(tag);
    if (e == null || e[0] != TYPE_INT32 || e[1] + 4 > dataLength) {
      return Optional.empty();
    }
    return Optional.of(b.getInt(dataStart + e[1]));
  }
}
