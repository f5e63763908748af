package dev.gatehouse;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Everything a gateway serves: its APIs, base-path mappings and limits. Immutable and already
 * checked; obtain one from {@link GatewayBuilder#definition()} and hand it to
 * {@link Gateway#redeploy(GatewayDefinition)}.
 *
 * @param apis the APIs, in declaration order
 * @param basePathMappings the base-path mappings
 * @param maxRequestBodyBytes the payload limit; larger request bodies get 413
 * @param handlerExecutor where blocking function handlers run, or {@code null} for the runtime's
 *     default (virtual threads on Java 21+, a bounded pool on 17)
 */
public record GatewayDefinition(
    List<ApiDefinition> apis,
    List<BasePathMapping> basePathMappings,
    long maxRequestBodyBytes,
    Executor handlerExecutor) {

  /** AWS's payload limit: 10 MB. */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 10L * 1024 * 1024;

  public GatewayDefinition {
    apis = List.copyOf(apis);
    basePathMappings = List.copyOf(basePathMappings);
  }

  /**
   * A builder holding everything in this definition, to derive a changed one for
   * {@link Gateway#redeploy(GatewayDefinition)}; its {@code definition()} checks the result again.
   */
  public GatewayBuilder toBuilder() {
    GatewayBuilder builder = new GatewayBuilder();
    apis.forEach(builder::api);
    basePathMappings.forEach(m -> builder.basePathMapping(m.basePath(), m.api(), m.stage()));
    return builder.maxRequestBodyBytes(maxRequestBodyBytes).handlerExecutor(handlerExecutor);
  }

  /** The API of this name, or {@code null}. */
  public ApiDefinition api(String name) {
    for (ApiDefinition api : apis) {
      if (api.name().equals(name)) {
        return api;
      }
    }
    return null;
  }
}
