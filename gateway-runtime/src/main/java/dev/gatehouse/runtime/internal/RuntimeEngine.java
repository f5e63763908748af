package dev.gatehouse.runtime.internal;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.spi.GatewayEngine;
import java.time.Clock;

/** The engine that {@code Gateway.builder().build()} finds through {@link java.util.ServiceLoader}. */
public final class RuntimeEngine implements GatewayEngine {
  private final Clock clock;

  /** The engine on the system clock, as {@link java.util.ServiceLoader} creates it. */
  public RuntimeEngine() {
    this(Clock.systemUTC());
  }

  /** An engine on a given clock, so that tests can fix request times. */
  public RuntimeEngine(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Gateway start(GatewayDefinition definition) {
    return new DefaultGateway(definition.toBuilder().definition(), clock);
  }
}
