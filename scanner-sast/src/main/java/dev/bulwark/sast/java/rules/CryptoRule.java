package dev.bulwark.sast.java.rules;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.sast.java.types.JavaTypes;
import java.util.Locale;

/**
 * Weak ciphers and hashes: {@code Cipher.getInstance} and {@code MessageDigest.getInstance} with
 * an algorithm known at analysis time (literals, constants, project properties), and commons-codec
 * {@code DigestUtils} weak hashes. Broken ciphers and ECB are CWE-327, Triple DES (sound but too
 * weak today) CWE-326, RSA without OAEP CWE-780, a sound block cipher named without a mode (ECB by
 * default) its own low-severity rule (CWE-1188); a weak algorithm that is only the fallback of a
 * setting the project does not hold is an insecure default (CWE-1188).
 */
final class CryptoRule implements JavaRule {
  @Override
  public String trigger() {
    return "crypto";
  }

  @Override
  public void check(RuleContext ctx) {
    var crypto = ctx.book.crypto;
    for (MethodCallExpr m : ctx.calls) {
      String name = m.getNameAsString();
      String scope = m.getScope().map(s -> JavaTypes.lastSegment(s.toString())).orElse("");
      if (name.equals("getInstance") && !m.getArguments().isEmpty()
          && (scope.equals("Cipher") || scope.equals("MessageDigest"))) {
        Constants.resolve(ctx, m.getArgument(0), m).ifPresent(alg -> {
          String upper = alg.value().toUpperCase(Locale.ROOT);
          RuleInfo weak = scope.equals("Cipher") ? cipher(ctx.book, upper)
              : crypto.weakHashes().contains(upper) ? ctx.book.rule("weak-hash") : null;
          if (weak != null) {
            ctx.report(alg.fallback() ? ctx.book.insecureDefault(weak, alg.value()) : weak, m);
          }
        });
      } else if (scope.equals("DigestUtils") && crypto.weakDigestUtils().matcher(name).matches()) {
        ctx.report(ctx.book.rule("weak-hash"), m);
      }
    }
  }

  /** What is wrong with a cipher transformation (upper case), or null. */
  private static RuleInfo cipher(RuleBook book, String transformation) {
    var crypto = book.crypto;
    if (crypto.tripleDes().matcher(transformation).find()) {
      return book.rule("triple-des");
    }
    if (crypto.rsaWithoutOaep().matcher(transformation).find()) {
      return book.rule("rsa-without-oaep");
    }
    if (crypto.weakCipher().matcher(transformation).find()) {
      return book.rule("weak-cipher");
    }
    return crypto.defaultMode().matcher(transformation).find() ? book.rule("default-mode") : null;
  }
}
