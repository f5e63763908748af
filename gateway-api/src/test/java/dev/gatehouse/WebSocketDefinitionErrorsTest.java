package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.assertProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WebSocketDefinitionErrorsTest {
  private static final String CHAT = "webSocketApi \"chat\"";

  private static GatewayBuilder chat(Consumer<ApiDefinition.Builder> configure) {
    return Gateway.builder().webSocketApi("chat", ws -> {
      ws.stage("prod").routeSelectionExpression("$request.body.action");
      configure.accept(ws);
    });
  }

  @Test
  void webSocketApiWithEveryOptionBuilds() {
    GatewayDefinition definition = chat(ws -> ws
        .authorizer(Authorizers.request("users", event -> null).resultTtl(Duration.ZERO))
        .idleTimeout(Duration.ofMinutes(30))
        .maxConnectionDuration(Duration.ofHours(8))
        .maxMessageBytes(256 * 1024)
        .sendBufferBytes(4 << 20)
        .messageThrottle(10, 20)
        .connectionsEndpoint(request -> true)
        .route("$connect", Integrations.webSocketFunction(event -> null), route -> route.authorizer("users"))
        .route("$disconnect", OK)
        .route("$default", OK)
        .route("sendMessage", Integrations.webSocketFunction(event -> ProxyResponseV1.of(200, "ok")),
            RouteDefinition.Builder::routeResponse)).definition();

    ApiDefinition api = definition.api("chat");
    assertThat(api.type()).isEqualTo(ApiType.WEBSOCKET);
    assertThat(api.webSocket().routeSelectionExpression().text()).isEqualTo("$request.body.action");
    assertThat(api.webSocket().idleTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(api.webSocket().messageThrottle()).isEqualTo(new Throttle(10, 20));
    assertThat(api.route("sendMessage").routeResponse()).isTrue();
    assertThat(api.route("sendMessage").key().selectionKey()).isEqualTo("sendMessage");
    assertThat(api.route("$default").key().isDefault()).isTrue();
    assertThat(api.authorizerOf(api.route("$connect")).name()).isEqualTo("users");
    assertThat(definition.toBuilder().definition().api("chat")).isEqualTo(api);
  }

  @Test
  void webSocketDefaultsAreAwsLimits() {
    WebSocketSettings settings = chat(ws -> {}).definition().api("chat").webSocket();

    assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.maxConnectionDuration()).isEqualTo(Duration.ofHours(2));
    assertThat(settings.maxMessageBytes()).isEqualTo(131_072);
    assertThat(settings.messageThrottle()).isNull();
    assertThat(settings.connectionsEndpoint()).isNull();
  }

  @Test
  void defaultAuthorizerGuardsOnlyConnect() {
    ApiDefinition api = chat(ws -> ws
        .authorizer(Authorizers.request("users", event -> null).resultTtl(Duration.ZERO))
        .defaultAuthorizer("users")
        .route("$connect", OK)
        .route("sendMessage", OK)).definition().api("chat");

    assertThat(api.authorizerOf(api.route("$connect"))).isNotNull();
    assertThat(api.authorizerOf(api.route("sendMessage"))).isNull();
  }

  @Test
  void missingRouteSelectionExpressionFailsBuild() {
    assertProblems(Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")),
        CHAT + ": routeSelectionExpression: null (expected: an expression such as $request.body.action)");
  }

  @Test
  void routeSelectionExpressionOutsideTheBodyFailsBuild() {
    assertProblems(chat(ws -> ws.routeSelectionExpression("$request.header.action")),
        CHAT + ": routeSelectionExpression: \"$request.header.action\" (expected: variable \"request.header.action\""
            + " at 0 (expected: request.body followed by a JSON path, such as request.body.action))");
  }

  @Test
  void customRouteKeyWithDollarFailsBuild() {
    assertProblems(chat(ws -> ws.route("$send", OK)),
        CHAT + " › route \"$send\": key: \"$send\" (expected: $connect, $disconnect, $default, or 1 to 128"
            + " printable characters not starting with $)");
  }

  @Test
  void duplicateWebSocketRouteFailsBuild() {
    assertProblems(chat(ws -> ws.route("send", OK).route("send", OK)),
        CHAT + " › route \"send\": key: \"send\" (expected: a route key not declared before in this API)");
  }

  @Test
  void authorizerOnMessageRouteFailsBuild() {
    assertProblems(chat(ws -> ws
            .authorizer(Authorizers.request("users", event -> null).resultTtl(Duration.ZERO))
            .route("send", OK, route -> route.authorizer("users").apiKeyRequired())),
        CHAT + " › route \"send\": authorizer: \"users\" (expected: only on $connect, which guards the whole connection)",
        CHAT + " › route \"send\": apiKeyRequired: true (expected: only on $connect, which guards the whole connection)");
  }

  @Test
  void routeResponseOnConnectFailsBuild() {
    assertProblems(chat(ws -> ws.route("$connect", OK, RouteDefinition.Builder::routeResponse)),
        CHAT + " › route \"$connect\": routeResponse: true (expected: only on message routes; $connect has no"
            + " message to answer)");
  }

  @Test
  void routeResponseOnRestRouteFailsBuild() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage("prod")
            .route("GET /pets", OK, RouteDefinition.Builder::routeResponse)),
        "restApi \"petstore\" › route \"GET /pets\": routeResponse: true (expected: only on a webSocketApi's routes)");
  }

  @Test
  void proxyFunctionOnWebSocketApiFailsBuild() {
    assertProblems(chat(ws -> ws.route("send", Integrations.function(event -> null))),
        CHAT + " › route \"send\": integration: function(1.0, blocking) (expected:"
            + " Integrations.webSocketFunction(...) or asyncWebSocketFunction(...) on a webSocketApi)");
  }

  @Test
  void webSocketFunctionOnHttpApiFailsBuild() {
    assertProblems(Gateway.builder().httpApi("pets", api -> api
            .route("GET /pets", Integrations.webSocketFunction(event -> null))),
        "httpApi \"pets\" › route \"GET /pets\": integration: function(websocket, blocking) (expected: payload"
            + " format 1.0 or 2.0 on a httpApi)");
  }

  @Test
  void webSocketOptionsOnRestApiFailBuild() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage("prod").idleTimeout(Duration.ofMinutes(1))),
        "restApi \"petstore\": WebSocket settings: set (expected: none on a restApi; route selection and connection"
            + " limits belong to webSocketApi)");
  }

  @Test
  void defaultStageOnWebSocketApiFailsBuild() {
    assertProblems(Gateway.builder().webSocketApi("chat", ws -> ws.stage("$default")
            .routeSelectionExpression("$request.body.action")),
        CHAT + " › stage \"$default\": name: \"$default\" (expected: a named stage; $default is for httpApi)");
  }

  @Test
  void limitsOutOfRangeFailBuild() {
    assertProblems(chat(ws -> ws.idleTimeout(Duration.ZERO).maxConnectionDuration(null).maxMessageBytes(1024)
            .sendBufferBytes(512).messageThrottle(-1, 10)),
        CHAT + ": idleTimeout: PT0S (expected: a positive duration)",
        CHAT + ": maxConnectionDuration: null (expected: a positive duration)",
        CHAT + ": sendBufferBytes: 512 (expected: >= maxMessageBytes (1024), or the largest message could never"
            + " be sent)",
        CHAT + ": messageThrottle.rateLimit: -1.0 (expected: a finite number of requests per second >= 0)");
  }

}
