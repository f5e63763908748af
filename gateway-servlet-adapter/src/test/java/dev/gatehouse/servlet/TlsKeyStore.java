package dev.gatehouse.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS12 key store with one self-signed key for {@code 127.0.0.1}, made by the JDK's keytool.
 * Server and client both use it: each presents the key and trusts the other's certificate, which
 * is the same one, so a test gets TLS with a client certificate and no other files.
 */
record TlsKeyStore(Path path, String password) {
  private static final String ALIAS = "gatehouse";

  /** Creates a new key store in {@code dir}. */
  static TlsKeyStore create(Path dir) throws IOException, InterruptedException {
    Path path = dir.resolve("gatehouse-test.p12");
    String password = "gatehouse-test";
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS,
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", path.toString(), "-storepass", password, "-keypass", password)
        .redirectErrorStream(true)
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("keytool: no exit within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0 || !Files.exists(path)) {
      throw new IOException("keytool: exit " + process.exitValue() + ": " + output);
    }
    TlsKeyStore keyStore = new TlsKeyStore(path, password);
    keyStore.trustOwnCertificate();
    return keyStore;
  }

  /**
   * Adds the key's certificate as a trusted entry: the JDK's trust managers trust a key entry's
   * certificate anyway, Tomcat's trust store loading only trusted entries.
   */
  private void trustOwnCertificate() throws IOException {
    try {
      KeyStore store = load();
      store.setCertificateEntry("trusted", store.getCertificate(ALIAS));
      try (OutputStream out = Files.newOutputStream(path)) {
        store.store(out, password.toCharArray());
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("adding the trusted entry to " + path + " failed", e);
    }
  }

  /** A client context that presents the key and trusts only this store's certificate. */
  SSLContext clientContext() throws IOException, GeneralSecurityException {
    KeyStore store = load();
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password.toCharArray());
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  /** The certificate chain of the key, leaf first. */
  List<X509Certificate> chain() throws IOException, GeneralSecurityException {
    return Arrays.stream(load().getCertificateChain(ALIAS)).map(X509Certificate.class::cast).toList();
  }

  private KeyStore load() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }
}
