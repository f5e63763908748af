package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.TlsInfo;
import dev.gatehouse.event.ClientCert;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/** The mutual-TLS client certificate in AWS's event form. */
public final class ClientCerts {
  private static final DateTimeFormatter VALIDITY =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private ClientCerts() {}

  /** The leaf certificate, or {@code null} without TLS or without a client certificate. */
  public static ClientCert of(TlsInfo tls) {
    if (tls == null || tls.clientCertificates().isEmpty()) {
      return null;
    }
    X509Certificate leaf = tls.clientCertificates().get(0);
    String pem;
    try {
      pem = "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(leaf.getEncoded())
          + "\n-----END CERTIFICATE-----";
    } catch (CertificateEncodingException e) {
      pem = null;
    }
    return new ClientCert(pem, leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
        serial(leaf.getSerialNumber().toByteArray()),
        new ClientCert.Validity(VALIDITY.format(leaf.getNotBefore().toInstant()),
            VALIDITY.format(leaf.getNotAfter().toInstant())));
  }

  private static String serial(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      if (sb.length() > 0) {
        sb.append(':');
      }
      sb.append(String.format(Locale.ROOT, "%02x", b & 0xff));
    }
    return sb.toString();
  }
}
