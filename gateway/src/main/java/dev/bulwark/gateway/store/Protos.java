package dev.bulwark.gateway.store;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Protobuf messages in database columns: one message, or a list as length-delimited messages. */
final class Protos {
  private Protos() {}

  static byte[] list(List<? extends MessageLite> messages) {
    var out = new ByteArrayOutputStream();
    try {
      for (MessageLite m : messages) {
        m.writeDelimitedTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static <T extends MessageLite> List<T> list(byte[] bytes, Parser<T> parser) {
    var in = new ByteArrayInputStream(bytes);
    var out = new ArrayList<T>();
    try {
      for (T m; (m = parser.parseDelimitedFrom(in)) != null; ) {
        out.add(m);
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("unreadable stored message: " + e.getMessage(), e);
    }
    return out;
  }

  static <T extends MessageLite> T one(byte[] bytes, Parser<T> parser) {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("unreadable stored message: " + e.getMessage(), e);
    }
  }
}
