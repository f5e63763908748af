package dev.gatehouse.runtime.internal.websocket;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.StageDefinition;
import dev.gatehouse.Throttle;
import dev.gatehouse.WebSocketSettings;
import dev.gatehouse.metrics.WebSocketMetrics;
import dev.gatehouse.runtime.internal.RequestIds;
import dev.gatehouse.runtime.internal.pipeline.CompiledApi;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Deployment;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.response.ResponseBodies;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one message from a client to its route and the route's answer back: the API's message
 * limit (1009 past it), the connection's own bucket, route selection, the route's guards and
 * integration on the deployment current now, then the route response or AWS's error message.
 */
final class MessageRouter {
  private static final Logger LOG = LoggerFactory.getLogger(MessageRouter.class);
  /**
   * Messages of one connection whose routes have not answered: past it the client is told, as it
   * is for a throttled message, so that one client cannot queue unbounded work.
   */
  static final int MAX_IN_FLIGHT = 256;

  private final WebSocketRuntime runtime;

  MessageRouter(WebSocketRuntime runtime) {
    this.runtime = runtime;
  }

  void route(Connection connection, byte[] message, boolean binary) {
    Deployment deployment = runtime.deployment();
    CompiledApi api = deployment.api(connection.api());
    WebSocketSettings settings = runtime.settings(connection);
    if (settings == null) {
      connection.close(WebSocketRuntime.GOING_AWAY, "Going away");
      return;
    }
    if (message.length > settings.maxMessageBytes()) {
      connection.close(WebSocketRuntime.TOO_BIG, "Message too big");
      return;
    }
    String requestId = RequestIds.requestId();
    if (connection.inFlight().incrementAndGet() > MAX_IN_FLIGHT) {
      connection.inFlight().decrementAndGet();
      runtime.message(connection, null, WebSocketMetrics.Outcome.CLIENT_ERROR, -1);
      runtime.sendError(connection, GatewayResponseType.THROTTLED.defaultMessage(), requestId);
      return;
    }
    Throttle own = settings.messageThrottle();
    if (own == null) {
      dispatch(deployment, api, connection, message, binary, requestId);
      return;
    }
    String key = "ws\u0000" + connection.api() + "\u0000" + connection.stage() + "\u0000" + connection.id();
    runtime.limits().rateLimits(deployment.definition()).take(key, own, 1).whenComplete((take, error) -> {
      if (error != null || !take.granted()) {
        connection.inFlight().decrementAndGet();
        runtime.message(connection, null, WebSocketMetrics.Outcome.CLIENT_ERROR, -1);
        runtime.sendError(connection, GatewayResponseType.THROTTLED.defaultMessage(), requestId);
      } else {
        dispatch(deployment, api, connection, message, binary, requestId);
      }
    });
  }

  private void dispatch(Deployment deployment, CompiledApi api, Connection connection, byte[] message,
      boolean binary, String requestId) {
    CompiledRoute route = RouteSelection.select(api, api.definition().webSocket().routeSelectionExpression(),
        message, binary);
    if (route == null) {
      connection.inFlight().decrementAndGet();
      runtime.message(connection, null, WebSocketMetrics.Outcome.CLIENT_ERROR, -1);
      runtime.sendError(connection, GatewayResponseType.FORBIDDEN.defaultMessage(), requestId);
      return;
    }
    StageDefinition stage = api.definition().stage(connection.stage());
    GatewayRequest upgrade = connection.upgrade();
    GatewayRequest.Builder request = GatewayRequest.builder("POST", "/" + stage.name())
        .mountPath(upgrade.mountPath())
        .sourceIp(connection.sourceIp())
        .body(message);
    copy(upgrade, request, "Host");
    copy(upgrade, request, "User-Agent");
    Exchange ex = deployment.exchange(request.build(), runtime.now(), requestId);
    ex.routeWebSocket(api, stage, route, WebSocketCall.message(connection, RequestIds.extendedRequestId(), message,
        binary));
    if (connection.authorization() != null) {
      ex.authorize(connection.authorization());
    }
    route.run(ex).whenComplete((response, error) -> {
      connection.inFlight().decrementAndGet();
      runtime.message(connection, route.routeKey(), outcome(api, ex, response, error), ex.integrationNanos());
      answer(connection, api, route, ex, response, error);
    });
  }

  /** AWS's classes: the gateway failed, a guard refused (the client's fault), or the integration answered an error. */
  private static WebSocketMetrics.Outcome outcome(CompiledApi api, Exchange ex, GatewayResponse response,
      Throwable error) {
    if (error != null || response == null) {
      return WebSocketMetrics.Outcome.EXECUTION_ERROR;
    }
    if (!ex.integrationAnswered()) {
      return WebSocketMetrics.Outcome.CLIENT_ERROR;
    }
    return api.responses().isOwn(response) || response.status() >= 400
        ? WebSocketMetrics.Outcome.INTEGRATION_ERROR : WebSocketMetrics.Outcome.OK;
  }

  private static void copy(GatewayRequest from, GatewayRequest.Builder to, String header) {
    String value = from.headers().first(header);
    if (value != null) {
      to.header(header, value);
    }
  }

  private void answer(Connection connection, CompiledApi api, CompiledRoute route, Exchange ex,
      GatewayResponse response, Throwable error) {
    runtime.observe(ex, api, response != null && error == null ? response
        : api.responses().get(GatewayResponseType.API_CONFIGURATION_ERROR));
    if (error != null || response == null) {
      LOG.error("{}: message {} of connection {} failed inside the gateway", route.label(), ex.requestId(),
          connection.id(), error);
      runtime.sendError(connection, GatewayResponseType.API_CONFIGURATION_ERROR.defaultMessage(), ex.requestId());
      return;
    }
    if (!ex.integrationAnswered() || api.responses().isOwn(response)) {
      response.releaseBody();
      runtime.sendError(connection, ErrorFrames.messageOf(response), ex.requestId());
      return;
    }
    if (!route.definition().routeResponse()) {
      response.releaseBody();
      return;
    }
    WebSocketSettings settings = runtime.settings(connection);
    if (settings == null) {
      response.releaseBody();
      return;
    }
    ResponseBodies.collect(response, settings.maxMessageBytes()).whenComplete((body, failed) -> {
      if (failed != null) {
        LOG.warn("{}: the answer to message {} is not sendable: {}", route.label(), ex.requestId(),
            failed.getMessage());
        runtime.sendError(connection, GatewayResponseType.BAD_GATEWAY.defaultMessage(), ex.requestId());
      } else if (body.length > 0) {
        connection.send(body, isUtf8(body), settings.sendBufferBytes()).whenComplete((ok, sendError) -> {
          if (sendError != null) {
            LOG.debug("answer to message {} of connection {} not sent: {}", ex.requestId(), connection.id(),
                sendError.getMessage());
          }
        });
      }
    });
  }

  /** A route response goes out as text when it is text, as binary otherwise. */
  static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
