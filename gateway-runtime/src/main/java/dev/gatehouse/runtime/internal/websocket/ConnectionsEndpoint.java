package dev.gatehouse.runtime.internal.websocket;

import dev.gatehouse.ApiType;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.WebSocketSettings;
import dev.gatehouse.runtime.internal.Json;
import dev.gatehouse.runtime.internal.auth.MethodArns;
import dev.gatehouse.runtime.internal.iam.IamAuthorizerStep;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import dev.gatehouse.websocket.ConnectionException;
import dev.gatehouse.websocket.ConnectionsGuard;
import dev.gatehouse.websocket.WebSocketConnection;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP requests at a WebSocket API's URL: AWS's management API at
 * {@code {stage}/@connections/{connectionId}} (POST sends, GET describes, DELETE disconnects) where
 * the API turned it on and its guard allows the caller (with {@code ConnectionsGuard.iam()}, a SigV4
 * signer allowed {@code execute-api:ManageConnections}); 403 {@code Forbidden} for anything else.
 * Answers follow AWS's contract (200, 204, the connection as JSON; errors with
 * {@code x-amzn-ErrorType}) so that AWS's own clients understand them.
 */
final class ConnectionsEndpoint implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionsEndpoint.class);
  private static final String CONNECTIONS = "@connections";

  /** What AWS's policies must allow for the management API. */
  static final String MANAGE_CONNECTIONS = "execute-api:ManageConnections";

  private final WebSocketRuntime runtime;
  private final IamAuthorizerStep iam;

  ConnectionsEndpoint(WebSocketRuntime runtime, Clock clock) {
    this.runtime = runtime;
    this.iam = new IamAuthorizerStep(clock);
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    if (ex.api().definition().type() != ApiType.WEBSOCKET) {
      return next.proceed(ex);
    }
    WebSocketSettings settings = ex.api().definition().webSocket();
    List<String> rest = ex.segments().subList(ex.stageSegments(), ex.segments().size());
    if (rest.size() != 2 || !CONNECTIONS.equals(rest.get(0)) || settings.connectionsEndpoint() == null) {
      return CompletableFuture.completedFuture(ex.api().responses().get(GatewayResponseType.FORBIDDEN));
    }
    if (settings.connectionsEndpoint() == ConnectionsGuard.iam()) {
      String arn = MethodArns.apiArn(ex) + "/" + ex.stage().name() + "/" + ex.request().method() + "/" + CONNECTIONS
          + "/" + rest.get(1);
      return iam.verify(ex, MANAGE_CONNECTIONS, arn, (accessKeyId, principal) -> manage(ex, rest.get(1)));
    }
    if (!allows(settings.connectionsEndpoint(), ex)) {
      return CompletableFuture.completedFuture(failure(new ConnectionException(ConnectionException.Kind.FORBIDDEN,
          "Forbidden")));
    }
    return manage(ex, rest.get(1));
  }

  /** Sends to, describes or closes connection {@code id}, as the method says. */
  private CompletionStage<GatewayResponse> manage(Exchange ex, String id) {
    String api = ex.api().definition().name();
    String stage = ex.stage().name();
    switch (ex.request().method()) {
      case "POST":
        byte[] data = bytes(ex.request().body());
        return answer(runtime.post(api, stage, id, data, MessageRouter.isUtf8(data)),
            ok -> GatewayResponse.builder(200).build());
      case "GET":
        return answer(runtime.get(api, stage, id), ConnectionsEndpoint::describe);
      case "DELETE":
        return answer(runtime.delete(api, stage, id), ok -> GatewayResponse.builder(204).build());
      default:
        return CompletableFuture.completedFuture(ex.api().responses().get(GatewayResponseType.FORBIDDEN));
    }
  }

  private static boolean allows(ConnectionsGuard guard, Exchange ex) {
    try {
      return guard.allows(ex.request());
    } catch (RuntimeException e) {
      LOG.error("{}: the @connections guard threw; refusing request {}", ex.api().definition().label(),
          ex.requestId(), e);
      return false;
    }
  }

  private static <T> CompletionStage<GatewayResponse> answer(CompletionStage<T> call,
      Function<T, GatewayResponse> success) {
    return call.handle((value, error) -> error == null ? success.apply(value) : failure(error));
  }

  private static GatewayResponse describe(WebSocketConnection connection) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("SourceIp", connection.sourceIp());
    identity.put("UserAgent", connection.userAgent());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ConnectedAt", connection.connectedAt().toString());
    body.put("Identity", identity);
    body.put("LastActiveAt", connection.lastActiveAt().toString());
    return GatewayResponse.builder(200).header("Content-Type", "application/json").body(Json.write(body)).build();
  }

  private static GatewayResponse failure(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (!(cause instanceof ConnectionException)) {
      LOG.error("@connections call failed", cause);
      return GatewayResponse.builder(500).header("Content-Type", "application/json")
          .header("x-amzn-ErrorType", "InternalServerErrorException")
          .body(Json.message("Internal server error")).build();
    }
    ConnectionException.Kind kind = ((ConnectionException) cause).kind();
    return GatewayResponse.builder(kind.status()).header("Content-Type", "application/json")
        .header("x-amzn-ErrorType", kind.errorType()).body(Json.message(cause.getMessage())).build();
  }

  private static byte[] bytes(ByteBuffer body) {
    byte[] bytes = new byte[body.remaining()];
    body.duplicate().get(bytes);
    return bytes;
  }
}
