package dev.gatehouse.runtime.internal;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request IDs in AWS's shapes: a random (version 4) UUID for {@code requestId} and a 16-character
 * base64 text for {@code extendedRequestId}. They only need to be unique, not secret, so they come
 * from {@link ThreadLocalRandom} instead of the slower, possibly blocking, {@code SecureRandom}.
 */
public final class RequestIds {
  private RequestIds() {}

  public static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  public static String extendedRequestId() {
    byte[] bytes = new byte[11];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
