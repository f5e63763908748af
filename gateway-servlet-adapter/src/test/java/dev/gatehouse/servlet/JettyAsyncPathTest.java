package dev.gatehouse.servlet;

/** {@link AsyncPathContract} in embedded Jetty 12 (ee10). */
class JettyAsyncPathTest extends AsyncPathContract {
  @Override
  protected ServletContainer newContainer() {
    return new JettyContainer();
  }
}
