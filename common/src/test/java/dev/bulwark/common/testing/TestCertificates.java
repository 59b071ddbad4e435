package dev.bulwark.common.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Real X.509 material for TLS tests, made with BouncyCastle: a CA, and leaf certificates signed
 * by it whose subject CN is a service name ("gateway", "scanner-sca") and whose SANs cover
 * loopback (localhost, 127.0.0.1), written as PEM files the way a Kubernetes Secret mounts them
 * ({@code tls.crt}, {@code tls.key}, {@code ca.crt}). EC P-256 keys: fast to generate.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  /** A certificate authority. */
  public record Authority(String name, KeyPair keys, X509Certificate certificate) {
    /** Writes the CA certificate as PEM. */
    public Path writeCa(Path file) throws IOException {
      return write(file, pem(certificate));
    }

    /** A certificate for {@code commonName}, valid for client and server use on loopback. */
    public Identity issue(String commonName) {
      return issue(commonName, Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
    }

    public Identity issue(String commonName, Instant notBefore, Instant notAfter) {
      try {
        KeyPair leafKeys = keyPair();
        var builder = new JcaX509v3CertificateBuilder(certificate, BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + commonName), leafKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, commonName), new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        var cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        return new Identity(commonName, leafKeys, cert, this);
      } catch (Exception e) {
        throw new IllegalStateException("cannot issue a test certificate for " + commonName, e);
      }
    }
  }

  /** A leaf certificate with its key. */
  public record Identity(String name, KeyPair keys, X509Certificate certificate, Authority issuer) {
    /** Writes {@code tls.crt} and {@code tls.key} into {@code dir}; returns the dir. */
    public Path writeTo(Path dir) throws IOException {
      Files.createDirectories(dir);
      write(dir.resolve("tls.crt"), pem(certificate));
      write(dir.resolve("tls.key"), pkcs8(keys));
      issuer.writeCa(dir.resolve("ca.crt"));
      return dir;
    }
  }

  private TestCertificates() {}

  public static Authority authority(String name) {
    try {
      KeyPair keys = keyPair();
      var subject = new X500Name("CN=" + name);
      Instant now = Instant.now();
      var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(SERIAL.incrementAndGet()),
          Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(30, ChronoUnit.DAYS)), subject,
          keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
      return new Authority(name, keys, new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test CA", e);
    }
  }

  private static KeyPair keyPair() throws Exception {
    var g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return g.generateKeyPair();
  }

  static String pem(Object object) throws IOException {
    var out = new StringWriter();
    try (var w = new JcaPEMWriter(out)) {
      w.writeObject(object);
    }
    return out.toString();
  }

  static String pkcs8(KeyPair keys) throws IOException {
    return pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate());
  }

  /**
   * Writes the file and moves its modification time forward, so that a watcher comparing
   * modification times sees the change even within the file system's timestamp granularity.
   */
  static Path write(Path file, String content) throws IOException {
    FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
    Files.writeString(file, content);
    long next = Math.max(System.currentTimeMillis(), before.toMillis() + 2000);
    Files.setLastModifiedTime(file, FileTime.fromMillis(next));
    return file;
  }
}
