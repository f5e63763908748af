package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.Headers;
import java.net.URI;
import java.nio.ByteBuffer;

/**
 * A request on its way to a backend, headers already filtered: no hop-by-hop field, no
 * {@code Host} or {@code Content-Length} (the transport sets them), no value with CR or LF.
 *
 * @param body read-only, shared with the client's request: sent as it is, never copied
 * @param bodyIdleNanos how long a streamed answer body may go without progress (the route's timeout)
 */
record BackendRequest(String method, URI uri, Headers headers, ByteBuffer body, long bodyIdleNanos) {}
