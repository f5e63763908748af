package dev.gatehouse.servlet;

/** {@link AsyncPathContract} in embedded Tomcat 11. */
class TomcatAsyncPathTest extends AsyncPathContract {
  @Override
  protected ServletContainer newContainer() {
    return new TomcatContainer();
  }
}
