package dev.gatehouse;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What the server learned from the TLS handshake of a request; {@code null} in a request that came
 * over plain HTTP.
 *
 * @param protocol the negotiated protocol, such as {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite
 * @param clientCertificates the client's certificate chain, leaf first; empty without mutual TLS
 */
public record TlsInfo(String protocol, String cipherSuite, List<X509Certificate> clientCertificates) {
  public TlsInfo {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cipherSuite, "cipherSuite");
    clientCertificates = List.copyOf(clientCertificates);
  }
}
