package dev.gatehouse.servlet;

/**
 * {@link GatewayServletContract} in embedded Jetty 12 (ee10).
 *
 * <p>What Jetty 12.1.14 does with hostile paths under its default URI compliance, before the
 * servlet runs (targets under {@code /app/api/prod/} unless absolute):
 * <pre>
 *   x/../pets                       resolved: the gateway gets /prod/pets
 *   x/%2e%2e/pets, x/.%2E/pets      400, ambiguous path segment
 *   x/..;/pets                      400, ambiguous path parameter
 *   a%2fb, ..%2f..%2f..%2fsecret    400, ambiguous path separator
 *   x\..\pets                       400
 *   /app/api//prod//pets            400, ambiguous empty segment
 *   /app/api/../api/prod/pets       resolved: /prod/pets
 *   /app/api/../../etc/passwd       404: resolves outside the context
 * </pre>
 */
class JettyGatewayServletTest extends GatewayServletContract {
  @Override
  protected ServletContainer newContainer() {
    return new JettyContainer();
  }
}
