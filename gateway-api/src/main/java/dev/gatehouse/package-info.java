/**
 * Gatehouse's public API: declare APIs, stages and routes, and call a running gateway.
 *
 * <p>Starting points: {@link dev.gatehouse.Gateway#builder()} to declare and start a gateway;
 * {@link dev.gatehouse.Gateway#handle(dev.gatehouse.GatewayRequest)} for adapters;
 * {@link dev.gatehouse.GatewayDefinitionException} for what {@code build()} reports;
 * {@link dev.gatehouse.GatewayResponseType} for the answers the gateway gives by itself.
 */
package dev.gatehouse;
