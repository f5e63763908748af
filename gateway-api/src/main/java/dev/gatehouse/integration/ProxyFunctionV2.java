package dev.gatehouse.integration;

import dev.gatehouse.event.ProxyEventV2;

/**
 * A blocking function handler with payload format 2.0, run on the gateway's handler executor. It
 * returns a {@link dev.gatehouse.event.ProxyResponseV2}, or any other value that the gateway sends
 * as a 200 JSON body (a {@code String} as is, other values as JSON), as AWS does.
 */
@FunctionalInterface
public interface ProxyFunctionV2 {
  Object handle(ProxyEventV2 event) throws Exception;
}
