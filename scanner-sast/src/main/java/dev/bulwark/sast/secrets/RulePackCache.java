package dev.bulwark.sast.secrets;

import dev.bulwark.common.cas.Digests;
import dev.bulwark.sast.secrets.SecretRulePack.FamilyYaml;
import dev.bulwark.sast.secrets.SecretRulePack.IndexYaml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A secret rule pack's YAML, parsed once and kept in a small binary file in a cache folder, so
 * that a check of a few files (the pre-commit hook) does not parse 150 KB of YAML at every run
 * (the largest part of its start). The file is named by the digest of the pack's index and of the
 * shape of the records it fills, and holds the digest of every family file it was read from: an
 * edited rule file, a new field or a new format is a miss. What is kept is what the YAML says, not
 * compiled rules: rules are still built by {@link RuleYaml#toRule}, so a change in how rules are
 * built needs no invalidation. A missing, stale, truncated or corrupt file is a miss (and is
 * replaced); a cache that cannot be written is no cache.
 */
final class RulePackCache {
  /** The binary layout below; bump it when it changes. */
  static final int FORMAT = 1;
  private static final long MAX_BYTES = 16L << 20;
  /** A SHA-256 of the rest of the file follows the format number. */
  private static final int SUM_BYTES = 32;
  private static final String SCHEMA = schema(IndexYaml.class) + schema(FamilyYaml.class);

  /** What the cache holds for one pack. */
  record Entry(IndexYaml index, List<FamilyYaml> families) {}

  private final Path dir;
  private final String name;

  /** The cache of the pack named {@code name} ("secrets") in {@code dir}. */
  RulePackCache(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  /** The file that holds the pack whose index is {@code indexBytes}. */
  Path file(byte[] indexBytes) {
    byte[] head = (FORMAT + "\n" + SCHEMA + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] keyed = Arrays.copyOf(head, head.length + indexBytes.length);
    System.arraycopy(indexBytes, 0, keyed, head.length, indexBytes.length);
    return dir.resolve(name + "-" + Digests.sha256Hex(keyed, 32) + ".bin");
  }

  /**
   * The pack kept for this index, when its family files are still those it was read from
   * ({@code digestOf} gives a family file's current digest); empty on any miss.
   */
  Optional<Entry> read(byte[] indexBytes, FamilyDigest digestOf) {
    try {
      Path file = file(indexBytes);
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      var in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (in.readInt() != FORMAT) {
        return Optional.empty();
      }
      byte[] sum = in.readNBytes(SUM_BYTES);
      int body = Integer.BYTES + SUM_BYTES;
      if (sum.length != SUM_BYTES || !Arrays.equals(sum, Digests.sha256().digest(Arrays.copyOfRange(bytes, body,
          bytes.length)))) {
        return Optional.empty(); // damaged: a flipped byte in a regex must not become another rule
      }
      var index = (IndexYaml) read(in, IndexYaml.class);
      if (index == null || index.families() == null) {
        return Optional.empty();
      }
      for (String family : index.families()) {
        if (!readString(in).equals(digestOf.digest(family))) {
          return Optional.empty();
        }
      }
      var families = new ArrayList<FamilyYaml>();
      for (int i = 0; i < index.families().size(); i++) {
        families.add((FamilyYaml) read(in, FamilyYaml.class));
      }
      return in.available() == 0 ? Optional.of(new Entry(index, List.copyOf(families))) : Optional.empty();
    } catch (IOException | RuntimeException | ReflectiveOperationException e) {
      return Optional.empty(); // damaged or from another build: read the YAML again
    }
  }

  /** Keeps a pack (its families with their digests, in index order); best effort. */
  void write(byte[] indexBytes, Entry entry, List<String> familyDigests) {
    Path file = file(indexBytes);
    Path temp = null;
    try {
      var bytes = new ByteArrayOutputStream();
      var out = new DataOutputStream(bytes);
      write(out, entry.index(), IndexYaml.class);
      for (String d : familyDigests) {
        writeString(out, d);
      }
      for (FamilyYaml f : entry.families()) {
        write(out, f, FamilyYaml.class);
      }
      out.flush();
      byte[] payload = bytes.toByteArray();
      var whole = new ByteArrayOutputStream();
      var head = new DataOutputStream(whole);
      head.writeInt(FORMAT);
      head.write(Digests.sha256().digest(payload));
      head.write(payload);
      head.flush();
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, name + "-", ".tmp");
      Files.write(temp, whole.toByteArray());
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      try (Stream<Path> old = Files.list(dir)) { // earlier versions of this pack
        for (Path p : old.toList()) {
          String n = p.getFileName().toString();
          if (!p.equals(file) && n.startsWith(name + "-") && n.endsWith(".bin")) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException | RuntimeException | ReflectiveOperationException e) {
      // no cache: the next run reads the YAML again
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a stray temporary file, named as such
        }
      }
    }
  }

  /** The current digest of a family file of the pack. */
  @FunctionalInterface
  interface FamilyDigest {
    String digest(String family) throws IOException;
  }

  // --- a small codec for records of strings, numbers, booleans, lists and records, nulls included ---

  private static void write(DataOutputStream out, Object value, Type type) throws IOException,
      ReflectiveOperationException {
    out.writeBoolean(value != null);
    if (value == null) {
      return;
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      writeString(out, (String) value);
    } else if (raw == Integer.class) {
      out.writeInt((Integer) value);
    } else if (raw == Boolean.class) {
      out.writeBoolean((Boolean) value);
    } else if (raw == Double.class) {
      out.writeDouble((Double) value);
    } else if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<?> list = (List<?>) value;
      out.writeInt(list.size());
      for (Object e : list) {
        write(out, e, element);
      }
    } else if (raw.isRecord()) {
      for (RecordComponent c : raw.getRecordComponents()) {
        write(out, c.getAccessor().invoke(value), c.getGenericType());
      }
    } else {
      throw new IllegalArgumentException("cannot keep a " + raw.getName());
    }
  }

  private static Object read(DataInputStream in, Type type) throws IOException, ReflectiveOperationException {
    if (!in.readBoolean()) {
      return null;
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return readString(in);
    } else if (raw == Integer.class) {
      return in.readInt();
    } else if (raw == Boolean.class) {
      return in.readBoolean();
    } else if (raw == Double.class) {
      return in.readDouble();
    } else if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      int size = in.readInt();
      if (size < 0 || size > in.available()) { // every element takes at least one byte
        throw new IOException("bad list size " + size);
      }
      var list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(read(in, element));
      }
      return java.util.Collections.unmodifiableList(list);
    } else if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      var args = new Object[components.length];
      var types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = read(in, components[i].getGenericType());
        types[i] = components[i].getType();
      }
      Constructor<?> canonical = raw.getDeclaredConstructor(types);
      return canonical.newInstance(args);
    }
    throw new IOException("cannot read a " + raw.getName());
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad string length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  /** The shape of a record type, recursively: part of the cache key, so a new field is a miss. */
  static String schema(Type type) {
    Class<?> raw = raw(type);
    if (raw == List.class) {
      return "List<" + schema(((ParameterizedType) type).getActualTypeArguments()[0]) + ">";
    }
    if (!raw.isRecord()) {
      return raw.getSimpleName();
    }
    var s = new StringBuilder(raw.getSimpleName()).append('(');
    for (RecordComponent c : raw.getRecordComponents()) {
      s.append(c.getName()).append(':').append(schema(c.getGenericType())).append(',');
    }
    return s.append(')').toString();
  }
}
