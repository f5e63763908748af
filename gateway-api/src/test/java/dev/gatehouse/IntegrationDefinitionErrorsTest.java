package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.assertProblems;

import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.FunctionIntegration;
import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.integration.PayloadFormat;
import dev.gatehouse.integration.ProxyFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A route reports its integration's problems under its own name, as {@code integration <field>}. */
class IntegrationDefinitionErrorsTest {
  private static final ProxyFunction V1 = event -> ProxyResponseV1.of(200, "ok");

  @Test
  void integration_null() {
    assertProblems(petstore(api -> api.route("GET /pets", null)),
        "restApi \"petstore\" › route \"GET /pets\": integration: null "
            + "(expected: an integration from Integrations)");
  }

  @Test
  void functionHandler_null() {
    assertProblems(petstore(api -> api.route("GET /pets", Integrations.function((ProxyFunction) null))),
        "restApi \"petstore\" › route \"GET /pets\": integration handler: null (expected: a function)");
  }

  @Test
  void mock_statusOutOfRange() {
    assertProblems(petstore(api -> api.route("GET /pets", Integrations.mock(700))),
        "restApi \"petstore\" › route \"GET /pets\": integration status: 700 (expected: 100..599)");
  }

  @Test
  void mock_nullBody() {
    assertProblems(petstore(api -> api.route("GET /pets", Integrations.mock(200, Headers.empty(), null))),
        "restApi \"petstore\" › route \"GET /pets\": integration body: null "
            + "(expected: a text, empty for none)");
  }

  @Test
  void restApi_payloadV2Function() {
    assertProblems(petstore(api -> api.route("GET /pets", Integrations.functionV2(event -> "ok"))),
        "restApi \"petstore\" › route \"GET /pets\": integration: function(2.0, blocking) "
            + "(expected: payload format 1.0 on a restApi)");
  }

  @Test
  void restApi_payloadV2AsyncFunction() {
    assertProblems(petstore(api -> api.route("GET /pets", Integrations.asyncFunctionV2(event -> null))),
        "restApi \"petstore\" › route \"GET /pets\": integration: function(2.0, async) "
            + "(expected: payload format 1.0 on a restApi)");
  }

  @Test
  void mock_nullHeaders() {
    assertProblems(petstore(api -> api.route("GET /pets", Integrations.mock(200, null, "{}"))),
        "restApi \"petstore\" › route \"GET /pets\": integration headers: null "
            + "(expected: Headers.empty() for none)");
  }

  @Test
  void mock_computedIgnoresTheFixedFields() {
    assertProblems(petstore(api -> api
            .route("GET /pets", Integrations.mock(request -> null))
            .route("GET /toys", Integrations.mock(0))),
        "restApi \"petstore\" › route \"GET /toys\": integration status: 0 (expected: 100..599)");
  }

  @Test
  void functionHandler_v1HandlerWithFormat2() {
    assertProblems(Gateway.builder().httpApi("petstore", api -> api
            .route("GET /pets", new FunctionIntegration(PayloadFormat.V2_0, V1))),
        "httpApi \"petstore\" › route \"GET /pets\": integration handler: ProxyFunction "
            + "(expected: ProxyFunctionV2 or AsyncProxyFunctionV2 for payload format 2.0)");
  }

  @Test
  void functionHandler_notAFunction() {
    assertProblems(petstore(api -> api.route("GET /pets", new FunctionIntegration(PayloadFormat.V1_0, "hello"))),
        "restApi \"petstore\" › route \"GET /pets\": integration handler: java.lang.String "
            + "(expected: ProxyFunction or AsyncProxyFunction for payload format 1.0)");
  }

  @Test
  void functionPayloadFormat_null() {
    assertProblems(petstore(api -> api.route("GET /pets", new FunctionIntegration(null, V1))),
        "restApi \"petstore\" › route \"GET /pets\": integration payloadFormat: null (expected: V1_0, V2_0 or WEBSOCKET)");
  }

  @Test
  void integration_everyProblemAtOnce() {
    Integration broken = Integrations.mock(42, null, null);
    assertProblems(petstore(api -> api.route("GET /pets", broken)),
        "restApi \"petstore\" › route \"GET /pets\": integration status: 42 (expected: 100..599)",
        "restApi \"petstore\" › route \"GET /pets\": integration headers: null "
            + "(expected: Headers.empty() for none)",
        "restApi \"petstore\" › route \"GET /pets\": integration body: null (expected: a text, empty for none)");
  }

  private static GatewayBuilder petstore(Consumer<ApiDefinition.Builder> routes) {
    return Gateway.builder().restApi("petstore", api -> routes.accept(api.stage("prod")));
  }
}
