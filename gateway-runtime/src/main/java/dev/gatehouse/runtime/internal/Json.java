package dev.gatehouse.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/** The runtime's one Jackson mapper: configured once, thread-safe, shared. */
public final class Json {
  /** Writes AWS's field names from the event and response records as they are. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** {@code {"message":"..."}}, AWS's error body. */
  public static String message(String message) {
    return write(Map.of("message", message));
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
