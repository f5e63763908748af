package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.GatewayRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Puts a request body into an event as AWS does: text when the content type is textual and the
 * bytes are valid UTF-8, otherwise base64 with {@code isBase64Encoded} set; {@code null} for none.
 */
final class EventBodies {
  private EventBodies() {}

  record EventBody(String body, boolean base64) {
    static final EventBody NONE = new EventBody(null, false);
  }

  static EventBody of(GatewayRequest request) {
    int length = request.bodyLength();
    if (length == 0) {
      return EventBody.NONE;
    }
    byte[] bytes = new byte[length];
    request.body().get(bytes);
    if (isTextual(request.headers().first("Content-Type"))) {
      if (isAscii(bytes)) {
        // ASCII is valid UTF-8 that decodes byte for byte: no decoder needed
        return new EventBody(new String(bytes, StandardCharsets.ISO_8859_1), false);
      }
      try {
        String text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
        return new EventBody(text, false);
      } catch (CharacterCodingException notUtf8) {
        // binary content under a textual label: base64 keeps every byte
      }
    }
    return new EventBody(Base64.getEncoder().encodeToString(bytes), true);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** No content type counts as text: most clients that omit it send JSON or forms. */
  static boolean isTextual(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    if (semicolon >= 0) {
      type = type.substring(0, semicolon);
    }
    type = type.trim();
    return type.startsWith("text/") || type.endsWith("/json") || type.endsWith("+json")
        || type.endsWith("/xml") || type.endsWith("+xml") || type.equals("application/javascript")
        || type.equals("application/x-www-form-urlencoded") || type.equals("application/graphql");
  }
}
