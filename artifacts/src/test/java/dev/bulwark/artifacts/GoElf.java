package dev.bulwark.artifacts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Test side of Go executables: writes a small but well-formed ELF64 file with a {@code .go.buildinfo}
 * section (and a section header table naming it), and finds that section in any ELF file by its
 * name through the section headers, independently of the streaming reader under test.
 */
public final class GoElf {
  static final byte[] SENTINEL_START = HexFormat.of().parseHex("3077af0c9274080241e1c107e6d618e6");
  static final byte[] SENTINEL_END = HexFormat.of().parseHex("f932433186182072008242104116d8f2");

  private GoElf() {}

  /** The 32-byte header, the two varint-prefixed strings, as Go 1.18+ writes {@code .go.buildinfo}. */
  public static byte[] buildInfo(String goVersion, String modinfo) throws IOException {
    var out = new ByteArrayOutputStream();
    out.write(GoBuildInfo.MAGIC);
    out.write(8); // pointer size
    out.write(2); // flags: inline strings, little endian
    out.write(new byte[16]);
    writeString(out, goVersion.getBytes(StandardCharsets.UTF_8));
    var mod = new ByteArrayOutputStream();
    mod.write(SENTINEL_START);
    mod.write(modinfo.getBytes(StandardCharsets.UTF_8));
    mod.write(SENTINEL_END);
    writeString(out, mod.toByteArray());
    return out.toByteArray();
  }

  private static void writeString(ByteArrayOutputStream out, byte[] s) {
    long n = s.length;
    while (n >= 0x80) {
      out.write((int) (n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.write((int) n);
    out.write(s, 0, s.length);
  }

  /**
   * An ELF64 executable of {@code size} bytes: header, a decoy copy of the magic (as a string
   * constant in rodata would be) at 0x100, the section at {@code sectionOffset} (16-aligned),
   * .shstrtab, and the section header table at the end.
   */
  public static byte[] executable(byte[] section, int sectionOffset, int size) {
    byte[] shstrtab = "\0.shstrtab\0.go.buildinfo\0".getBytes(StandardCharsets.US_ASCII);
    int shstrtabOffset = sectionOffset + section.length;
    int shoff = size - 3 * 64;
    var b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    b.position(16);
    b.putShort((short) 2).putShort((short) 0x3e).putInt(1).putLong(0x401000).putLong(0).putLong(shoff)
        .putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 0).putShort((short) 64)
        .putShort((short) 3).putShort((short) 2);
    b.position(0x100);
    b.put(GoBuildInfo.MAGIC).put((byte) 8).put((byte) 2).put(new byte[16]).put((byte) 5).put("hello".getBytes());
    b.position(sectionOffset);
    b.put(section);
    b.put(shstrtab);
    b.position(shoff + 64); // section 0 is the null section
    sectionHeader(b, 11, 1, 3, sectionOffset, section.length, 16);
    sectionHeader(b, 1, 3, 0, shstrtabOffset, shstrtab.length, 1);
    return b.array();
  }

  private static void sectionHeader(ByteBuffer b, int name, int type, long flags, long offset, long size, long align) {
    b.putInt(name).putInt(type).putLong(flags).putLong(0x600000 + offset).putLong(offset).putLong(size)
        .putInt(0).putInt(0).putLong(align).putLong(0);
  }

  /** The file offset of the named section of a little-endian ELF64 file, read through its section headers. */
  public static Optional<Long> sectionOffset(Path elf, String name) throws IOException {
    try (var f = new RandomAccessFile(elf.toFile(), "r")) {
      byte[] header = new byte[64];
      f.readFully(header);
      var h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
      long shoff = h.getLong(0x28);
      int shentsize = h.getShort(0x3a) & 0xffff;
      int shnum = h.getShort(0x3c) & 0xffff;
      int shstrndx = h.getShort(0x3e) & 0xffff;
      byte[] table = new byte[shnum * shentsize];
      f.seek(shoff);
      f.readFully(table);
      var t = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
      long strOffset = t.getLong(shstrndx * shentsize + 0x18);
      long strSize = t.getLong(shstrndx * shentsize + 0x20);
      byte[] names = new byte[(int) strSize];
      f.seek(strOffset);
      f.readFully(names);
      for (int i = 0; i < shnum; i++) {
        int n = t.getInt(i * shentsize);
        int end = n;
        while (end < names.length && names[end] != 0) {
          end++;
        }
        if (new String(names, n, end - n, StandardCharsets.US_ASCII).equals(name)) {
          return Optional.of(t.getLong(i * shentsize + 0x18));
        }
      }
      return Optional.empty();
    }
  }
}
