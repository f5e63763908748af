package dev.gatehouse.spi;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;

/**
 * Turns a checked definition into a running {@link Gateway}. The runtime module provides one
 * through {@link java.util.ServiceLoader}; applications never call it directly.
 */
public interface GatewayEngine {
  /**
   * Starts a gateway serving {@code definition}.
   *
   * @throws dev.gatehouse.GatewayDefinitionException if the definition names something the engine
   *     cannot run, such as an integration type it does not know
   */
  Gateway start(GatewayDefinition definition);
}
