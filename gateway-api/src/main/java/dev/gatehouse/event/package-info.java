/**
 * The events and responses that function integrations see, with AWS API Gateway's field names.
 *
 * <p>Starting points: {@link dev.gatehouse.event.ProxyEventV1} and
 * {@link dev.gatehouse.event.ProxyResponseV1} (payload format 1.0, REST APIs),
 * {@link dev.gatehouse.event.ProxyEventV2} and {@link dev.gatehouse.event.ProxyResponseV2} (payload
 * format 2.0, the HTTP API default).
 */
package dev.gatehouse.event;
