/**
 * Integrations: what a route sends its requests to.
 *
 * <p>Starting point: {@link dev.gatehouse.integration.Integrations}. Function handlers implement
 * {@link dev.gatehouse.integration.ProxyFunction} (payload 1.0) or
 * {@link dev.gatehouse.integration.ProxyFunctionV2} (payload 2.0), or their async forms.
 */
package dev.gatehouse.integration;
