package dev.gatehouse.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records, for each request, whether the servlet behind it had started async processing on return. */
final class AsyncStartedFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  private final transient LinkedBlockingQueue<Boolean> started = new LinkedBlockingQueue<>();

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
    started.add(request.isAsyncStarted());
  }

  /** Whether the next request went async; fails when no request passed within ten seconds. */
  boolean nextStartedAsync() throws InterruptedException {
    Boolean next = started.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("no request passed the filter");
    }
    return next;
  }
}
