package dev.gatehouse.runtime.internal.iam;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The primitives of AWS Signature Version 4 (AWS4-HMAC-SHA256): hashing, the signing-key chain, the
 * string to sign and RFC 3986 encoding. Stateless and thread-safe; no method keeps or logs a key.
 */
final class SigV4 {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  /** The SHA-256 of no bytes, the payload hash of a request without a body. */
  static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String TERMINATOR = "aws4_request";

  private static final HexFormat HEX = HexFormat.of();
  /** Per thread, because {@code getInstance} looks the provider up each time: a few µs and KB per call. */
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  });
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  });
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

  private SigV4() {}

  /** Lower-case hex SHA-256 of the buffer's remaining bytes; the buffer's position is left alone. */
  static String sha256Hex(ByteBuffer body) {
    MessageDigest digest = sha256();
    if (body != null) {
      digest.update(body.duplicate());
    }
    return HEX.formatHex(digest.digest());
  }

  /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
  static String sha256Hex(String utf8) {
    return HEX.formatHex(sha256().digest(utf8.getBytes(StandardCharsets.UTF_8)));
  }

  /** The key a secret signs with on one day, in one region, for one service. */
  static byte[] signingKey(String secretKey, String date, String region, String service) {
    byte[] kDate = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    byte[] kRegion = hmac(kDate, region);
    byte[] kService = hmac(kRegion, service);
    return hmac(kService, TERMINATOR);
  }

  static String stringToSign(String amzDate, String scope, String canonicalRequest) {
    return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest);
  }

  static String signatureHex(byte[] signingKey, String stringToSign) {
    return HEX.formatHex(hmac(signingKey, stringToSign));
  }

  /**
   * RFC 3986 encoding of the text's UTF-8 bytes: {@code A-Za-z0-9-._~} kept, every other byte as
   * {@code %XX} in upper-case hex, and {@code /} kept only when {@code keepSlash}.
   */
  static String uriEncode(String text, boolean keepSlash) {
    return uriEncode(text.getBytes(StandardCharsets.UTF_8), keepSlash);
  }

  /** {@link #uriEncode(String, boolean)} of raw bytes, for decoded query text that may not be UTF-8. */
  static String uriEncode(byte[] bytes, boolean keepSlash) {
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c) || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static byte[] hmac(byte[] key, String data) {
    Mac mac = HMAC.get();
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      // an HMAC takes any key; the key bytes are deliberately not part of the message
      throw new IllegalStateException("HmacSHA256 refused its key", e);
    }
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  /** The thread's digest, reset: {@code digest()} leaves it reset for the next use. */
  private static MessageDigest sha256() {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return digest;
  }
}
