package dev.gatehouse.runtime.internal.response;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last word on every response: header fields a handler set must be safe to put on the wire (a
 * name that is an HTTP token, a value without CR, LF or NUL), or the answer becomes 502 rather than
 * a split or folded header; then {@code x-amzn-RequestId} is added.
 */
public final class ResponseFinisher {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseFinisher.class);
  private static final String REQUEST_ID = "x-amzn-RequestId";

  private ResponseFinisher() {}

  /**
   * The response to send.
   *
   * @param responses the API's gateway responses, for the 502
   * @param where names the route for the log, such as {@code restApi "petstore" › route "GET /x"}
   */
  public static GatewayResponse finish(GatewayResponse response, String requestId, GatewayResponses responses,
      String where) {
    String problem = unsafeHeader(response.headers());
    GatewayResponse safe = response;
    if (problem != null) {
      LOG.error("{}: response header {}, answering 502 (request {})", where, problem, requestId);
      safe = responses.get(GatewayResponseType.BAD_GATEWAY);
    }
    return safe.toBuilder().setHeader(REQUEST_ID, requestId).build();
  }

  /** Why a header cannot be sent, or {@code null} when all can. */
  static String unsafeHeader(Headers headers) {
    String[] problem = new String[1];
    headers.forEach((name, value) -> {
      if (problem[0] == null) {
        if (!isToken(name)) {
          problem[0] = "name is not an HTTP token: " + printable(name);
        } else if (!isSafeValue(value)) {
          problem[0] = name + " has a CR, LF, NUL or other control character in its value";
        }
      }
    });
    return problem[0];
  }

  static boolean isToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** RFC 9110 field values: visible characters, spaces and tabs, and obs-text; no other controls. */
  static boolean isSafeValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static String printable(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length() && i < 64; i++) {
      char c = text.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return sb.append('"').toString();
  }
}
