package dev.gatehouse.runtime.internal.iam;

import dev.gatehouse.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks a parsed SigV4 signature against the received request and the caller's secret key.
 * Stateless and thread-safe; the secret and the derived keys never reach a message or a log.
 *
 * <p>A signature covers the body only through the payload hash the client declares in
 * {@code x-amz-content-sha256}, so a caller must check both {@link #bodyMatches} and
 * {@link #signatureMatches}.
 */
final class SigV4Check {
  static final String CONTENT_SHA256 = "x-amz-content-sha256";

  private SigV4Check() {}

  /**
   * The payload hash the canonical request ends with: the client's {@code x-amz-content-sha256}
   * (which may be {@code UNSIGNED-PAYLOAD}) when sent, else the hash of the body.
   *
   * @param body the body, read without moving its position; {@code null} for none
   */
  static String payloadHash(Headers headers, ByteBuffer body) {
    String declared = headers.first(CONTENT_SHA256);
    return declared != null ? declared.strip() : SigV4.sha256Hex(body);
  }

  /**
   * Whether the body is the one the client declared: false only when {@code x-amz-content-sha256}
   * is sent, is not {@code UNSIGNED-PAYLOAD}, and differs from the body's hash.
   */
  static boolean bodyMatches(Headers headers, ByteBuffer body) {
    String declared = headers.first(CONTENT_SHA256);
    if (declared == null || declared.strip().equals(SigV4.UNSIGNED_PAYLOAD)) {
      return true;
    }
    return declared.strip().equalsIgnoreCase(SigV4.sha256Hex(body));
  }

  /**
   * The canonical request for {@code parts}, which API Gateway shows when a signature does not
   * match; it holds no secret.
   */
  static String canonicalRequest(SignedRequest parts, String method, String path, String rawQuery, Headers headers,
      ByteBuffer body, boolean normalizePath) {
    return CanonicalRequest.of(method, path, rawQuery, headers, parts.signedHeaders(), payloadHash(headers, body),
        normalizePath, parts.presigned());
  }

  /** The hex signature a client holding {@code secretKey} would have sent for this request. */
  static String expectedSignature(SignedRequest parts, String method, String path, String rawQuery, Headers headers,
      ByteBuffer body, String secretKey, boolean normalizePath) {
    String stringToSign = SigV4.stringToSign(parts.amzDate(), parts.scope(),
        canonicalRequest(parts, method, path, rawQuery, headers, body, normalizePath));
    byte[] key = SigV4.signingKey(secretKey, parts.scopeDate(), parts.region(), parts.service());
    return SigV4.signatureHex(key, stringToSign);
  }

  /**
   * Whether the request's signature is the one {@code secretKey} gives, compared in constant time.
   * Says nothing about the body beyond its declared hash (see {@link #bodyMatches}), nor about the
   * clock, the scope's region and service, or whose key it is.
   *
   * @param path the path as received, still percent-encoded
   * @param rawQuery the query as received, without {@code ?}; {@code null} for none
   */
  static boolean signatureMatches(SignedRequest parts, String method, String path, String rawQuery, Headers headers,
      ByteBuffer body, String secretKey, boolean normalizePath) {
    return signatureMatches(parts, method, path, rawQuery, headers, body,
        SigV4.signingKey(secretKey, parts.scopeDate(), parts.region(), parts.service()), normalizePath);
  }

  /** As {@link #signatureMatches(SignedRequest, String, String, String, Headers, ByteBuffer, String, boolean)}, with the day's signing key already derived. */
  static boolean signatureMatches(SignedRequest parts, String method, String path, String rawQuery, Headers headers,
      ByteBuffer body, byte[] signingKey, boolean normalizePath) {
    String stringToSign = SigV4.stringToSign(parts.amzDate(), parts.scope(),
        canonicalRequest(parts, method, path, rawQuery, headers, body, normalizePath));
    String expected = SigV4.signatureHex(signingKey, stringToSign);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        parts.signature().getBytes(StandardCharsets.US_ASCII));
  }
}
