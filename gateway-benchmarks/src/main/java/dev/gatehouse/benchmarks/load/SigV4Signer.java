package dev.gatehouse.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal AWS Signature Version 4 client for the IAM benchmarks, written from AWS's description
 * of SigV4 and sharing no code with the gateway's verifier: it signs {@code host;x-amz-date} only,
 * in the {@code Authorization} header, as the SDKs do for {@code execute-api} (the wire path is
 * URI-encoded once more). Paths must already be normalized (no {@code .} or empty segments): the
 * benchmark's are. Immutable and thread-safe.
 */
public final class SigV4Signer {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final String SIGNED_HEADERS = "host;x-amz-date";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private final String accessKeyId;
  private final String secretKey;
  private final String region;
  private final String service;

  SigV4Signer(String accessKeyId, String secretKey, String region, String service) {
    this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
    this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
    this.region = Objects.requireNonNull(region, "region");
    this.service = Objects.requireNonNull(service, "service");
  }

  /** A signer for {@code execute-api} in {@code region} with this key pair. */
  public static SigV4Signer executeApi(String accessKeyId, String secretKey, String region) {
    return new SigV4Signer(accessKeyId, secretKey, region, "execute-api");
  }

  /**
   * The {@code X-Amz-Date} and {@code Authorization} header fields that sign this request, in that
   * order.
   *
   * @param host the exact {@code Host} value the request will carry, such as {@code 127.0.0.1:8080}
   * @param pathAndQuery the request target as sent, such as {@code /prod/pets/42?limit=10}
   * @param body the body as sent, empty for none
   * @param now the signing time; the gateway accepts it within its clock skew (5 minutes by default)
   */
  public Map<String, String> sign(String method, String host, String pathAndQuery, byte[] body, Instant now) {
    String stamp = STAMP.format(now);
    String date = stamp.substring(0, 8);
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
    String canonical = method + '\n'
        + canonicalPath(path) + '\n'
        + canonicalQuery(query) + '\n'
        + "host:" + host.strip() + '\n'
        + "x-amz-date:" + stamp + '\n'
        + '\n'
        + SIGNED_HEADERS + '\n'
        + HEX.formatHex(sha256(body));
    String scope = date + '/' + region + '/' + service + "/aws4_request";
    String toSign = ALGORITHM + '\n' + stamp + '\n' + scope + '\n'
        + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    String signature = HEX.formatHex(hmac(key, toSign));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Amz-Date", stamp);
    headers.put("Authorization", ALGORITHM + " Credential=" + accessKeyId + '/' + scope
        + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature);
    return headers;
  }

  /** Each segment of the wire path encoded again, so that {@code %20} becomes {@code %2520}. */
  static String canonicalPath(String path) {
    if (path.isEmpty()) {
      return "/";
    }
    return encode(path, false);
  }

  /** Name-value pairs decoded, encoded the SigV4 way, then sorted by name and value. */
  static String canonicalQuery(String query) {
    if (query.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      pairs.add(new String[] {encode(decode(name), true), encode(decode(value), true)});
    }
    // Not the joined pairs: '-', '.' and '%' sort below '=', so "a-b=1" would precede "a=1".
    pairs.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
    List<String> joined = new ArrayList<>();
    pairs.forEach(pair -> joined.add(pair[0] + '=' + pair[1]));
    return String.join("&", joined);
  }

  /** RFC 3986 unreserved characters as they are, every other byte as {@code %XX} (upper case). */
  private static String encode(String text, boolean slashToo) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !slashToo)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.toHexDigits((byte) c).toUpperCase(Locale.ROOT));
      }
    }
    return out.toString();
  }

  private static String decode(String text) {
    // Not URLDecoder: a query's '+' is a literal plus to SigV4, not a space.
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[bytes.length];
    int length = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        out[length++] = (byte) Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16);
        i += 2;
      } else {
        out[length++] = bytes[i];
      }
    }
    return new String(out, 0, length, StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "SigV4Signer[" + accessKeyId + ", " + region + ", " + service + "]";
  }
}
