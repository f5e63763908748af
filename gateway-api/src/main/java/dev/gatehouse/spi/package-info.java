/**
 * Service provider interfaces that the runtime and store modules implement.
 *
 * <p>Starting point: {@link dev.gatehouse.spi.GatewayEngine}, found through
 * {@link java.util.ServiceLoader} by {@code Gateway.builder().build()}.
 */
package dev.gatehouse.spi;
