package dev.gatehouse.benchmarks.load;

import java.nio.charset.StandardCharsets;

/**
 * The answer every scenario and every bare baseline gives, so that the bare servers and the
 * gateway put the same status, header fields and body on the wire and differ only in the work it
 * took to produce them.
 */
final class TrivialAnswer {
  static final int STATUS = 200;
  static final String NAME = "world";
  static final String BODY = "{\"hello\":\"" + NAME + "\"}";
  static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);
  static final String CONTENT_TYPE = "application/json";
  /** The gateway adds this field to every answer; the bare servers send it too, at the same length. */
  static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
  static final String REQUEST_ID = "00000000-0000-4000-8000-000000000000";

  private TrivialAnswer() {}

  /** The body a function gives for {@code name}: {@link #BODY} for {@link #NAME}. */
  static String body(String name) {
    return "{\"hello\":\"" + name + "\"}";
  }
}
