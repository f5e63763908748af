package dev.gatehouse.event;

/**
 * The client certificate of a mutual-TLS request, as AWS puts it into events.
 *
 * @param clientCertPem the leaf certificate, PEM-encoded
 * @param subjectDN the subject's distinguished name
 * @param issuerDN the issuer's distinguished name
 * @param serialNumber the serial number, colon-separated hex bytes
 * @param validity the validity window
 */
public record ClientCert(
    String clientCertPem, String subjectDN, String issuerDN, String serialNumber, Validity validity) {

  /**
   * A certificate's validity window in AWS's text form, such as {@code May 28 12:30:02 2019 GMT}.
   *
   * @param notBefore start of the window
   * @param notAfter end of the window
   */
  public record Validity(String notBefore, String notAfter) {}
}
