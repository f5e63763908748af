package dev.gatehouse.jdkserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler behind {@link JdkHttpServerAdapter#mount}: one exchange in, one gateway call, one
 * response out. Never throws to the server, which would drop the connection without an answer.
 */
final class GatewayHttpHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(GatewayHttpHandler.class);

  private final Gateway gateway;
  private final ExchangeTranslator translator;

  GatewayHttpHandler(Gateway gateway, String mountPath) {
    this.gateway = gateway;
    this.translator = new ExchangeTranslator(mountPath);
  }

  @Override
  public void handle(HttpExchange exchange) {
    String rawPath = translator.pathAfterMount(exchange);
    if (rawPath == null) {
      ResponseWriter.writeNotFound(exchange);
      return;
    }
    ExchangeTranslator.Translated translated;
    try {
      translated = translator.translate(exchange, rawPath, gateway.maxRequestBodyBytes());
    } catch (IOException e) {
      log.debug("Client went away while sending {}", ResponseWriter.describe(exchange), e);
      exchange.close();
      return;
    } catch (RuntimeException e) {
      log.error("Cannot translate {}", ResponseWriter.describe(exchange), e);
      ResponseWriter.writeInternalError(exchange, ResponseWriter.Persistence.CLOSE);
      return;
    }
    CompletionStage<GatewayResponse> stage = call(translated);
    Thread serverThread = Thread.currentThread();
    Executor serverExecutor = exchange.getHttpContext().getServer().getExecutor();
    stage.whenComplete((response, failure) -> {
      // A stage already complete runs this on the server thread: write at once. A later one runs
      // on whatever gateway thread completed it; hand the blocking socket write back to the
      // server's threads so that a slow reader cannot hold the gateway's.
      if (Thread.currentThread() == serverThread || serverExecutor == null) {
        write(exchange, translated, response, failure, serverExecutor);
      } else {
        try {
          serverExecutor.execute(() -> write(exchange, translated, response, failure, serverExecutor));
        } catch (RejectedExecutionException e) {
          // The server is stopping or its queue is full: writing here beats leaving the exchange open.
          write(exchange, translated, response, failure, serverExecutor);
        }
      }
    });
  }

  private CompletionStage<GatewayResponse> call(ExchangeTranslator.Translated translated) {
    try {
      CompletionStage<GatewayResponse> stage = gateway.handle(translated.request());
      if (stage == null) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("gateway " + gateway.getClass().getName() + " returned null"));
      }
      return stage;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static void write(HttpExchange exchange, ExchangeTranslator.Translated translated, GatewayResponse response,
      Throwable failure, Executor serverExecutor) {
    if (failure != null || response == null) {
      // Gateway.handle promises a normal completion; a broken promise is a bug worth one stack trace.
      log.error("Gateway failed {}", ResponseWriter.describe(exchange),
          failure != null ? failure : new IllegalStateException("gateway completed with null"));
      ResponseWriter.writeInternalError(exchange, translated.persistence());
      return;
    }
    ResponseWriter.write(exchange, response, translated.persistence(), serverExecutor);
  }
}
