/**
 * The engine behind {@code Gateway.builder().build()}; may change at any time.
 *
 * <p>Starting points: {@link dev.gatehouse.runtime.internal.RuntimeEngine} (found through
 * ServiceLoader), {@link dev.gatehouse.runtime.internal.pipeline.Pipeline} (the request path in
 * order), {@link dev.gatehouse.runtime.internal.routing.RouteTable} (route precedence).
 */
package dev.gatehouse.runtime.internal;
