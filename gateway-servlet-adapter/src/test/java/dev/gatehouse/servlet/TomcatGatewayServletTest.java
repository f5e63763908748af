package dev.gatehouse.servlet;

/**
 * {@link GatewayServletContract} in embedded Tomcat 11.
 *
 * <p>What Tomcat 11.0.27 does with hostile paths by default, before the servlet runs (targets
 * under {@code /app/api/prod/} unless absolute): it decodes, then normalises.
 * <pre>
 *   x/../pets                       resolved: the gateway gets /prod/pets
 *   x/%2e%2e/pets, x/.%2E/pets      decoded, then resolved: /prod/pets
 *   x/..;/pets                      parameter dropped, then resolved: /prod/pets
 *   a%2fb, ..%2f..%2f..%2fsecret    400 (encodedSolidusHandling="reject")
 *   x\..\pets                       400 (allowBackslash="false")
 *   /app/api//prod//pets            slashes merged: /prod/pets
 *   /app/api/../api/prod/pets       resolved: /prod/pets
 *   /app/api/../../etc/passwd       404: resolves outside the context
 * </pre>
 */
class TomcatGatewayServletTest extends GatewayServletContract {
  @Override
  protected ServletContainer newContainer() {
    return new TomcatContainer();
  }
}
