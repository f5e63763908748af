package dev.gatehouse.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Catches what the servlet behind it throws, keeps it for the test, and answers 500 itself so that
 * the container has nothing to log.
 */
final class FailureRecordingFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  private final transient AtomicReference<ServletException> thrown = new AtomicReference<>();

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException e) {
      thrown.set(e);
      response.sendError(500);
    }
  }

  /** What the servlet threw, or {@code null}. */
  ServletException thrown() {
    return thrown.get();
  }
}
