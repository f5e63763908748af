package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.Headers;

/** A backend's answer as received: status, every header field, the whole body. */
record BackendResponse(int status, Headers headers, byte[] body) {}
