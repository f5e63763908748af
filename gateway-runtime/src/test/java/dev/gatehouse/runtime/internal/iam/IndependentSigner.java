package dev.gatehouse.runtime.internal.iam;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SigV4 client written from AWS's published description of Signature Version 4, sharing no code
 * with the verifier in {@code main}, so that a rule both got wrong the same way cannot hide. It
 * signs as the AWS SDKs do for execute-api: the path it is given is the wire path (already
 * percent-encoded) and is encoded once more, dot and empty segments removed first.
 *
 * <p>Immutable: each setting returns a new signer. Defaults: region {@code us-east-1}, service
 * {@code execute-api}, the current time, no session token, no {@code x-amz-content-sha256}.
 *
 * <pre>{@code
 * Map<String, String> add = IndependentSigner.forKey("AKIDEXAMPLE", secret).region("eu-west-1")
 *     .signHeaders("GET", "localhost:8080", "/prod/pets", "limit=2", Map.of(), new byte[0]);
 * String query = IndependentSigner.forKey("AKIDEXAMPLE", secret).presign("GET", "localhost:8080", "/prod/pets", null, 300);
 * }</pre>
 */
public final class IndependentSigner {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** How the body's hash reaches the server. */
  private enum Payload { IMPLIED, HEADER, UNSIGNED }

  private final String accessKeyId;
  private final String secretKey;
  private final String token;
  private final String region;
  private final String service;
  private final Instant time;
  private final Payload payload;
  private final boolean normalizePath;

  private IndependentSigner(String accessKeyId, String secretKey, String token, String region, String service,
      Instant time, Payload payload, boolean normalizePath) {
    this.accessKeyId = accessKeyId;
    this.secretKey = secretKey;
    this.token = token;
    this.region = region;
    this.service = service;
    this.time = time;
    this.payload = payload;
    this.normalizePath = normalizePath;
  }

  public static IndependentSigner forKey(String accessKeyId, String secretKey) {
    return new IndependentSigner(Objects.requireNonNull(accessKeyId), Objects.requireNonNull(secretKey), null,
        "us-east-1", "execute-api", null, Payload.IMPLIED, true);
  }

  /** Signs with a session token, sent as {@code X-Amz-Security-Token}; {@code null} for none. */
  public IndependentSigner token(String sessionToken) {
    return new IndependentSigner(accessKeyId, secretKey, sessionToken, region, service, time, payload, normalizePath);
  }

  public IndependentSigner region(String region) {
    return new IndependentSigner(accessKeyId, secretKey, token, region, service, time, payload, normalizePath);
  }

  public IndependentSigner service(String service) {
    return new IndependentSigner(accessKeyId, secretKey, token, region, service, time, payload, normalizePath);
  }

  /** Signs as of {@code instant} instead of the time of signing. */
  public IndependentSigner at(Instant instant) {
    return new IndependentSigner(accessKeyId, secretKey, token, region, service, instant, payload, normalizePath);
  }

  /** Sends and signs {@code x-amz-content-sha256} with the body's hash (header form only). */
  public IndependentSigner contentSha256() {
    return new IndependentSigner(accessKeyId, secretKey, token, region, service, time, Payload.HEADER, normalizePath);
  }

  /** Sends and signs {@code x-amz-content-sha256: UNSIGNED-PAYLOAD}, leaving the body out (header form only). */
  public IndependentSigner unsignedPayload() {
    return new IndependentSigner(accessKeyId, secretKey, token, region, service, time, Payload.UNSIGNED, normalizePath);
  }

  /** Whether dot and empty path segments are removed before signing; the SDKs do so for all but S3. */
  public IndependentSigner normalizePath(boolean normalize) {
    return new IndependentSigner(accessKeyId, secretKey, token, region, service, time, payload, normalize);
  }

  /**
   * Signs a request in the Authorization header.
   *
   * @param host the Host header value the request will carry, such as {@code localhost:8080}
   * @param rawPath the path as it will be sent, percent-encoded
   * @param rawQuery the query as it will be sent, without {@code ?}; {@code null} for none
   * @param headers the other headers the request will carry, all of them signed; no Host here
   * @return the headers to add, in order: {@code X-Amz-Date}, then {@code X-Amz-Security-Token} and
   *     {@code x-amz-content-sha256} when set up, then {@code Authorization}
   */
  public Map<String, String> signHeaders(String method, String host, String rawPath, String rawQuery,
      Map<String, List<String>> headers, byte[] body) {
    String stamp = STAMP.format(time == null ? Instant.now() : time);
    Map<String, String> added = new LinkedHashMap<>();
    added.put("X-Amz-Date", stamp);
    if (token != null) {
      added.put("X-Amz-Security-Token", token);
    }
    String bodyHash = payload == Payload.UNSIGNED ? "UNSIGNED-PAYLOAD" : hex(sha256(body));
    if (payload != Payload.IMPLIED) {
      added.put("x-amz-content-sha256", bodyHash);
    }

    Map<String, List<String>> signed = new TreeMap<>();
    signed.put("host", List.of(host));
    headers.forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        signed.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
      }
    });
    added.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), List.of(value)));

    String signedNames = String.join(";", signed.keySet());
    String signature = sign(stamp, method, rawPath, canonicalQuery(rawQuery), signed, bodyHash);
    added.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope(stamp)
        + ", SignedHeaders=" + signedNames + ", Signature=" + signature);
    return Collections.unmodifiableMap(added);
  }

  /**
   * Presigns a request: only Host is signed, and the body counts as empty.
   *
   * @return the whole query to send, {@code rawQuery} first, ending with {@code X-Amz-Signature}
   */
  public String presign(String method, String host, String rawPath, String rawQuery, int expiresSeconds) {
    String stamp = STAMP.format(time == null ? Instant.now() : time);
    StringBuilder query = new StringBuilder(rawQuery == null || rawQuery.isEmpty() ? "" : rawQuery + "&");
    query.append("X-Amz-Algorithm=AWS4-HMAC-SHA256");
    query.append("&X-Amz-Credential=").append(encode(accessKeyId + "/" + scope(stamp), false));
    query.append("&X-Amz-Date=").append(stamp);
    query.append("&X-Amz-Expires=").append(expiresSeconds);
    query.append("&X-Amz-SignedHeaders=host");
    if (token != null) {
      query.append("&X-Amz-Security-Token=").append(encode(token, false));
    }
    String signature = sign(stamp, method, rawPath, canonicalQuery(query.toString()),
        Map.of("host", List.of(host)), hex(sha256(new byte[0])));
    return query.append("&X-Amz-Signature=").append(signature).toString();
  }

  private String scope(String stamp) {
    return stamp.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
  }

  private String sign(String stamp, String method, String rawPath, String canonicalQuery,
      Map<String, List<String>> signedHeaders, String bodyHash) {
    StringBuilder canonical = new StringBuilder();
    canonical.append(method).append('\n').append(canonicalPath(rawPath)).append('\n').append(canonicalQuery).append('\n');
    new TreeMap<>(signedHeaders).forEach((name, values) -> {
      List<String> cleaned = new ArrayList<>();
      for (String value : values) {
        cleaned.add(value.trim().replaceAll("\\s+", " "));
      }
      canonical.append(name).append(':').append(String.join(",", cleaned)).append('\n');
    });
    canonical.append('\n').append(String.join(";", new TreeMap<>(signedHeaders).keySet())).append('\n').append(bodyHash);

    String stringToSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope(stamp) + "\n"
        + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), stamp.substring(0, 8));
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    return hex(hmac(key, stringToSign));
  }

  /** The wire path, normalized if set up so, then encoded again byte by byte with slashes kept. */
  private String canonicalPath(String rawPath) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    if (normalizePath) {
      Deque<String> kept = new ArrayDeque<>();
      String[] parts = path.split("/", -1);
      for (String part : parts) {
        if (part.equals("..")) {
          kept.pollLast();
        } else if (!part.isEmpty() && !part.equals(".")) {
          kept.addLast(part);
        }
      }
      String lastPart = parts[parts.length - 1];
      boolean endsWithSlash = lastPart.isEmpty() || lastPart.equals(".") || lastPart.equals("..");
      path = kept.isEmpty() ? "/" : "/" + String.join("/", kept) + (endsWithSlash ? "/" : "");
    }
    return encode(path, true);
  }

  /** Each {@code name=value} decoded then encoded, sorted by name then value; no signature. */
  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    for (String piece : rawQuery.split("&")) {
      if (piece.isEmpty()) {
        continue;
      }
      String[] nameValue = piece.split("=", 2);
      String name = encode(decode(nameValue[0]), false);
      String value = nameValue.length > 1 ? encode(decode(nameValue[1]), false) : "";
      if (!name.equals("X-Amz-Signature")) {
        pairs.add(name + "\u0000" + value);
      }
    }
    // "\0" sorts below every encoded character, so this orders by name, then by value
    Collections.sort(pairs);
    List<String> joined = new ArrayList<>();
    for (String pair : pairs) {
      joined.add(pair.replace('\u0000', '='));
    }
    return String.join("&", joined);
  }

  private static String encode(String text, boolean keepSlash) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean unreserved = Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0;
      if (unreserved || (keepSlash && c == '/')) {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "%%%02X", (int) c));
      }
    }
    return out.toString();
  }

  /** Percent-decoding only: a {@code +} is a plus, as AWS's signers write a space as {@code %20}. */
  private static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%' && i + 2 < raw.length && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
        bytes.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
        i += 2;
      } else {
        bytes.write(raw[i]);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }
}
