package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.Headers;
import java.io.ByteArrayOutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

/**
 * One backend exchange on Jetty's client, as {@link JdkTransport} receives it on the JDK's: once
 * the head is in, an answer of up to {@link JdkTransport#STREAM_ABOVE_BYTES} (or a bodiless one) is
 * collected into an array and completes the call at its end; a larger one, or one of unknown
 * length, completes the call at once with a {@link BodyStream} fed from Jetty's content source. A
 * declared length past the payload limit fails the call before a byte is read.
 */
final class JettyExchange implements Response.Listener {
  private final CompletableFuture<BackendResponse> answer;
  private final BackendRequest request;
  private final long maxBodyBytes;
  private BodyStream stream;
  private ByteArrayOutputStream collected;

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
    boolean bodiless = request.method().equals("HEAD") || status == 204 || status == 304;
    if (!bodiless && declared > maxBodyBytes) {
      response.abort(new BackendFailure("backend declared " + declared + " bytes, past the payload limit of "
          + maxBodyBytes, null));
    } else if (bodiless || (declared >= 0 && declared <= JdkTransport.STREAM_ABOVE_BYTES)) {
      collected = new ByteArrayOutputStream(bodiless ? 0 : (int) declared);
    } else {
      stream = new BodyStream(declared, maxBodyBytes, request.bodyIdleNanos());
    }
  }

  @Override
  public void onContentSource(Response response, Content.Source source) {
    if (stream != null) {
      stream.onSubscribe(new JettyBodySource(source, stream));
      if (!answer.complete(new BackendResponse(response.getStatus(), headers(response), stream))) {
        // abandoned meanwhile (the route's timeout): nobody will read the body
        stream.release();
      }
    } else {
      collect(source);
    }
  }

  private void collect(Content.Source source) {
    while (true) {
      Content.Chunk chunk = source.read();
      if (chunk == null) {
        source.demand(() -> collect(source));
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        return; // onComplete reports it
      }
      ByteBuffer bytes = chunk.getByteBuffer();
      if (collected.size() + (long) bytes.remaining() > maxBodyBytes) {
        chunk.release();
        source.fail(new BackendFailure("backend answer longer than the payload limit of " + maxBodyBytes + " bytes",
            null));
        return;
      }
      byte[] copy = new byte[bytes.remaining()];
      bytes.get(copy);
      collected.write(copy, 0, copy.length);
      boolean last = chunk.isLast();
      chunk.release();
      if (last) {
        return;
      }
    }
  }

  @Override
  public void onComplete(Result result) {
    if (result.isFailed()) {
      Throwable failure = result.getFailure();
      answer.completeExceptionally(failure instanceof SocketTimeoutException
          && String.valueOf(failure.getMessage()).contains("onnect") ? new TimeoutException("connect timeout")
          : failure instanceof BackendFailure ? failure : new BackendFailure(failure.toString(), failure));
      return;
    }
    Response response = result.getResponse();
    if (stream != null) {
      if (!answer.isDone()) {
        // a streamed answer whose body never came: an empty, ended stream
        stream.onSubscribe(new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
        stream.onComplete();
        answer.complete(new BackendResponse(response.getStatus(), headers(response), stream));
      }
      return;
    }
    answer.complete(new BackendResponse(response.getStatus(), headers(response),
        collected == null ? new byte[0] : collected.toByteArray()));
  }

  private static Headers headers(Response response) {
    Headers.Builder headers = Headers.builder();
    response.getHeaders().forEach(field -> headers.add(field.getName(), field.getValue()));
    return headers.build();
  }
}
