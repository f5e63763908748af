package dev.gatehouse.servlet;

import java.io.IOException;

/**
 * What {@link GatewayServlet} throws on the dispatch that {@link AsyncExchange#abort} asks for, so
 * that the container closes the connection under a body that cannot be finished. The container logs
 * it; it carries no stack trace, which would only show the container's dispatch.
 */
final class AbortedResponse extends IOException {
  private static final long serialVersionUID = 1L;
  /** The request attribute that holds it until the dispatch. */
  static final String ATTRIBUTE = "dev.gatehouse.servlet.abortedResponse";

  AbortedResponse(String message) {
    super(message + " (thrown on purpose: the container closes the connection, so the client sees the body"
        + " as broken, not whole)");
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
