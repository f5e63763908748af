package dev.gatehouse.runtime.internal.response;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last word on every response: header fields a handler set must be safe to put on the wire (a
 * name that is an HTTP token, a value without CR, LF or NUL), or the answer becomes 502 rather than
 * a split or folded header; then {@code x-amzn-RequestId} is added. Translators that build a
 * response anyway {@linkplain #stamp stamp} it while building, which spares the copy. A streamed
 * body passes through untouched; its publisher is released when the answer is replaced by the 502.
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
    HeaderCheck check = new HeaderCheck(requestId);
    response.headers().forEach(check);
    if (check.problem != null) {
      LOG.error("{}: response header {}, answering 502 (request {})", where, check.problem, requestId);
      // the answer is dropped: a streamed body must let go of its backend connection now
      response.releaseBody();
      return stamp(responses.get(GatewayResponseType.BAD_GATEWAY).toBuilder(), requestId).build();
    }
    // stamped while it was built: the copy below would make an equal response
    return check.stamped() ? response : stamp(response.toBuilder(), requestId).build();
  }

  /**
   * Sets {@code x-amzn-RequestId} on a response being built, as its last field, as {@link #finish}
   * would: a response built this way and unchanged since is not copied again.
   */
  public static GatewayResponse.Builder stamp(GatewayResponse.Builder response, String requestId) {
    return response.setHeader(REQUEST_ID, requestId);
  }

  /** Looks at every field once: whether it can be sent, and whether the response is stamped. */
  private static final class HeaderCheck implements BiConsumer<String, String> {
    private final String requestId;
    private String problem;
    private int requestIds;
    private boolean lastIsRequestId;

    HeaderCheck(String requestId) {
      this.requestId = requestId;
    }

    @Override
    public void accept(String name, String value) {
      if (problem == null) {
        if (!isToken(name)) {
          problem = "name is not an HTTP token: " + printable(name);
        } else if (!isSafeValue(value)) {
          problem = name + " has a CR, LF, NUL or other control character in its value";
        }
      }
      boolean isRequestId = name.equalsIgnoreCase(REQUEST_ID);
      if (isRequestId) {
        requestIds++;
      }
      lastIsRequestId = isRequestId && value.equals(requestId);
    }

    /** One {@code x-amzn-RequestId} field, the last, with this request's id. */
    boolean stamped() {
      return requestIds == 1 && lastIsRequestId;
    }
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
