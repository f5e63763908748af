package dev.gatehouse.testing;

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
 * A PKCS12 key store with one self-signed key for {@code localhost} and {@code 127.0.0.1}, made at
 * test time by the JDK's own keytool, so no key material is checked in. Server and client both use
 * it: each presents the key and trusts the other's certificate, which is the same one, so a test
 * gets TLS with a client certificate and no other files. Servers configured from files (Jetty,
 * Tomcat) read {@link #path} and {@link #password}; the JDK's take an {@link SSLContext}.
 */
public record TlsKeyStore(Path path, String password) {
  private static final String ALIAS = "gatehouse";

  /** Creates a new key store in {@code dir}. */
  public static TlsKeyStore create(Path dir) throws IOException, InterruptedException {
    Path path = dir.resolve("gatehouse-test.p12");
    String password = "gatehouse-test";
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS,
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", path.toString(), "-storepass", password, "-keypass", password)
        .redirectErrorStream(true)
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("keytool: no exit within 60 s");
    }
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
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

  /** A context that presents the key when asked and trusts only this store's certificate. */
  public SSLContext identifiedContext() throws IOException, GeneralSecurityException {
    KeyStore store = load();
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust(store).getTrustManagers(), null);
    return context;
  }

  /** A context that trusts only this store's certificate and has no key to present. */
  public SSLContext anonymousContext() throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust(load()).getTrustManagers(), null);
    return context;
  }

  /** The key's certificate. */
  public X509Certificate certificate() throws IOException, GeneralSecurityException {
    return (X509Certificate) load().getCertificate(ALIAS);
  }

  /** The certificate chain of the key, leaf first. */
  public List<X509Certificate> chain() throws IOException, GeneralSecurityException {
    return Arrays.stream(load().getCertificateChain(ALIAS)).map(X509Certificate.class::cast).toList();
  }

  private static TrustManagerFactory trust(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    return trust;
  }

  private KeyStore load() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }
}
