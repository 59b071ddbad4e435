package dev.bulwark.sast.syntax;

import java.util.function.Supplier;
import org.treesitter.TSLanguage;
import org.treesitter.TSSymbolType;
import org.treesitter.TreeSitterCSharp;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPhp;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterRuby;
import org.treesitter.TreeSitterTypescript;

/**
 * The tree-sitter grammars scanner-sast parses with. Each loads its native library on first use
 * (after {@link NativeLibraries#prepare()}) and caches its symbol and field names, so that
 * converting a tree costs no string crossing the JNI boundary per node.
 */
public enum Grammar {
  JAVASCRIPT(TreeSitterJavascript::new),
  TYPESCRIPT(TreeSitterTypescript::new),
  PYTHON(TreeSitterPython::new),
  GO(TreeSitterGo::new),
  PHP(TreeSitterPhp::new),
  RUBY(TreeSitterRuby::new),
  C_SHARP(TreeSitterCSharp::new);

  private final Supplier<TSLanguage> factory;
  private volatile Tables tables;

  Grammar(Supplier<TSLanguage> factory) {
    this.factory = factory;
  }

  /** The loaded language and its name tables; throws a {@link LinkageError} when the native library cannot load. */
  Tables tables() {
    Tables t = tables;
    if (t == null) {
      synchronized (this) {
        if (tables == null) {
          NativeLibraries.prepare();
          tables = new Tables(factory.get());
        }
        t = tables;
      }
    }
    return t;
  }

  /** A language with its symbol names, which symbols are named, and its field names, by id. */
  static final class Tables {
    final TSLanguage language;
    final String[] types;
    final boolean[] named;
    final String[] fields;

    Tables(TSLanguage language) {
      this.language = language;
      int symbols = language.symbolCount();
      types = new String[symbols];
      named = new boolean[symbols];
      for (int s = 0; s < symbols; s++) {
        String name = language.symbolName(s);
        types[s] = name == null ? "" : name.intern();
        named[s] = language.symbolType(s) == TSSymbolType.TSSymbolTypeRegular;
      }
      fields = new String[language.fieldCount() + 1];
      for (int f = 1; f < fields.length; f++) {
        String name = language.fieldNameForId(f);
        fields[f] = name == null ? null : name.intern();
      }
    }

    String type(int symbol) {
      return symbol >= 0 && symbol < types.length ? types[symbol] : "ERROR";
    }

    boolean named(int symbol) {
      return symbol < 0 || symbol >= named.length || named[symbol];
    }

    String field(int id) {
      return id > 0 && id < fields.length ? fields[id] : null;
    }
  }
}
