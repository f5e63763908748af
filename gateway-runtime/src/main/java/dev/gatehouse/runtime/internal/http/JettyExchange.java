package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.Headers;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

/**
 * One backend exchange on Jetty's client, as {@link JdkTransport} receives it on the JDK's: once
 * the head is in, an answer of up to {@link BackendTransport#STREAM_ABOVE_BYTES} (or a bodiless one) is
 * collected into an array and completes the call at its end; a larger one, or one of unknown
 * length, completes the call at once with a {@link BodyStream} fed by Jetty's chunks. A
 * declared length past the payload limit fails the call before a byte is read.
 */
final class JettyExchange implements Response.Listener {
  private final CompletableFuture<BackendResponse> answer;
  private final BackendRequest request;
  private final long maxBodyBytes;
  private BodyStream stream;
  private JettyBodySource source;
  /** A collected body, sized by the declared length: the bytes are copied once, into it. */
  private byte[] collected;
  private int filled;

  JettyExchange(CompletableFuture<BackendResponse> answer, BackendRequest request, long maxBodyBytes) {
    this.answer = answer;
    this.request = request;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void onHeaders(Response response) {
    int status = response.getStatus();
    if (status < 200 || status > 599) {
      response.abort(new BackendFailure("backend status " + status, null));
      return;
    }
    long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    BackendTransport.BodyMode mode = BackendTransport.bodyMode(request.method(), status, declared, maxBodyBytes);
    if (mode == BackendTransport.BodyMode.TOO_LARGE) {
      response.abort(new BackendFailure("backend declared " + declared + " bytes, past the payload limit of "
          + maxBodyBytes, null));
    } else if (mode == BackendTransport.BodyMode.COLLECT) {
      // collected answers have a declared length, or none at all (a HEAD answer declares the length
      // of a body it does not send)
      collected = new byte[declared >= 0 && declared <= BackendTransport.STREAM_ABOVE_BYTES ? (int) declared : 0];
    } else {
      // streamed: the answer completes with its head, and the body follows as Jetty delivers it
      stream = new BodyStream(declared, maxBodyBytes, request.bodyIdleNanos());
      source = new JettyBodySource(response, stream);
      stream.onSubscribe(source);
      if (!answer.complete(new BackendResponse(status, headers(response), stream))) {
        // abandoned meanwhile (the route's timeout): nobody will read the body
        stream.release();
      }
    }
  }

  /**
   * A collected answer is read here in one loop, on Jetty's thread: going through a demand for
   * every chunk (and for the end) costs a hand-off per request. A streamed one goes chunk by chunk
   * through {@link #onContent}, at the pace the stream asks.
   */
  @Override
  public void onContentSource(Response response, Content.Source content) {
    if (source != null) {
      Response.Listener.super.onContentSource(response, content);
      return;
    }
    while (true) {
      Content.Chunk chunk = content.read();
      if (chunk == null) {
        content.demand(() -> onContentSource(response, content));
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        return; // onComplete reports it
      }
      ByteBuffer bytes = chunk.getByteBuffer();
      if (bytes.remaining() > collected.length - filled) {
        chunk.release();
        response.abort(new BackendFailure("backend answer longer than its declared " + collected.length + " bytes",
            null));
        return;
      }
      int n = bytes.remaining();
      bytes.get(collected, filled, n);
      filled += n;
      boolean last = chunk.isLast();
      chunk.release();
      if (last) {
        return;
      }
    }
  }

  @Override
  public void onContent(Response response, Content.Chunk chunk, Runnable next) {
    source.chunk(chunk, next);
  }

  @Override
  public void onSuccess(Response response) {
    if (stream != null) {
      stream.onComplete();
    }
  }

  @Override
  public void onFailure(Response response, Throwable failure) {
    if (stream != null) {
      stream.onError(BackendFailure.of(failure));
    }
  }

  @Override
  public void onComplete(Result result) {
    if (result.isFailed()) {
      Throwable failure = result.getFailure();
      answer.completeExceptionally(failure instanceof SocketTimeoutException
          && String.valueOf(failure.getMessage()).contains("onnect") ? new TimeoutException("connect timeout")
          : BackendFailure.of(failure));
      return;
    }
    Response response = result.getResponse();
    if (stream != null) {
      return;
    }
    answer.complete(new BackendResponse(response.getStatus(), headers(response),
        collected == null ? new byte[0] : filled == collected.length ? collected : Arrays.copyOf(collected, filled)));
  }

  private static Headers headers(Response response) {
    Headers.Builder headers = Headers.builder();
    response.getHeaders().forEach(field -> headers.add(field.getName(), field.getValue()));
    return headers.build();
  }
}
