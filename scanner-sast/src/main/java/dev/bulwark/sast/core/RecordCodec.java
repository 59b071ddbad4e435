package dev.bulwark.sast.core;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small binary form of the records a YAML rule pack or catalogue is read into (strings, numbers,
 * booleans, lists, maps and records of them, nulls included), to keep what a pack says between
 * runs without parsing its YAML again ({@link ParsedYamlCache}). {@link #schema} describes a record
 * type's shape, so a cache keyed by it misses when a field is added.
 */
public final class RecordCodec {
  private RecordCodec() {}

  /** Writes {@code value}, of declared type {@code type}. */
  public static void write(DataOutputStream out, Object value, Type type) throws IOException {
    out.writeBoolean(value != null);
    if (value == null) {
      return;
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      writeString(out, (String) value);
    } else if (raw == Integer.class || raw == int.class) {
      out.writeInt((Integer) value);
    } else if (raw == Long.class || raw == long.class) {
      out.writeLong((Long) value);
    } else if (raw == Boolean.class || raw == boolean.class) {
      out.writeBoolean((Boolean) value);
    } else if (raw == Double.class || raw == double.class) {
      out.writeDouble((Double) value);
    } else if (raw == List.class) {
      Type element = argument(type, 0);
      List<?> list = (List<?>) value;
      out.writeInt(list.size());
      for (Object e : list) {
        write(out, e, element);
      }
    } else if (raw == Map.class) {
      Map<?, ?> map = (Map<?, ?>) value;
      out.writeInt(map.size());
      for (var e : map.entrySet()) {
        write(out, e.getKey(), argument(type, 0));
        write(out, e.getValue(), argument(type, 1));
      }
    } else if (raw.isRecord()) {
      for (RecordComponent c : raw.getRecordComponents()) {
        try {
          var accessor = c.getAccessor();
          accessor.setAccessible(true);
          write(out, accessor.invoke(value), c.getGenericType());
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IOException("cannot read " + raw.getSimpleName() + "." + c.getName() + ": " + e, e);
        }
      }
    } else {
      throw new IOException("cannot keep a " + raw.getName());
    }
  }

  /**
   * Reads a value of {@code type} written by {@link #write}.
   *
   * @throws IOException when the bytes are not such a value (truncated, damaged, another shape)
   */
  public static Object read(DataInputStream in, Type type) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return readString(in);
    } else if (raw == Integer.class || raw == int.class) {
      return in.readInt();
    } else if (raw == Long.class || raw == long.class) {
      return in.readLong();
    } else if (raw == Boolean.class || raw == boolean.class) {
      return in.readBoolean();
    } else if (raw == Double.class || raw == double.class) {
      return in.readDouble();
    } else if (raw == List.class) {
      int size = size(in);
      var list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(read(in, argument(type, 0)));
      }
      return Collections.unmodifiableList(list);
    } else if (raw == Map.class) {
      int size = size(in);
      var map = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        map.put(read(in, argument(type, 0)), read(in, argument(type, 1)));
      }
      return Collections.unmodifiableMap(map);
    } else if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      var args = new Object[components.length];
      var types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = read(in, components[i].getGenericType());
        types[i] = components[i].getType();
      }
      try {
        var canonical = raw.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(args);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IOException("cannot rebuild a " + raw.getSimpleName() + ": " + e, e);
      }
    }
    throw new IOException("cannot read a " + raw.getName());
  }

  /** The shape of a type, recursively (record components by name and type). */
  public static String schema(Type type) {
    Class<?> raw = raw(type);
    if (raw == List.class) {
      return "List<" + schema(argument(type, 0)) + ">";
    }
    if (raw == Map.class) {
      return "Map<" + schema(argument(type, 0)) + "," + schema(argument(type, 1)) + ">";
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

  public static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad string length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  /** A list or map size, at most what is left (every element takes at least one byte). */
  private static int size(DataInputStream in) throws IOException {
    int size = in.readInt();
    if (size < 0 || size > in.available()) {
      throw new IOException("bad size " + size);
    }
    return size;
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  private static Type argument(Type type, int i) {
    if (!(type instanceof ParameterizedType p)) {
      throw new IllegalArgumentException(type + " has no type arguments");
    }
    return p.getActualTypeArguments()[i];
  }
}
