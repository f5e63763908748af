package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.assertProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.log.AccessLogFormats;
import dev.gatehouse.log.AccessLogSettings;
import org.junit.jupiter.api.Test;

/** Access log formats are parsed and checked against the API's type at build(). */
class AccessLogDefinitionErrorsTest {

  @Test
  void accessLogFormat_unknownVariable() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.accessLog(log -> log.format("$context.requestId $context.statsu")))
            .route("GET /pets", OK)),
        "restApi \"petstore\" › stage \"prod\": accessLog format variable: \"$context.statsu\""
            + " (expected: a $context variable of restApi access logs)");
  }

  @Test
  void accessLogFormat_variableOfAnotherApiType() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.accessLog(log -> log.format("$context.requestId $context.connectionId")))
            .route("GET /pets", OK)),
        "restApi \"petstore\" › stage \"prod\": accessLog format variable: \"$context.connectionId\""
            + " (expected: a $context variable of restApi access logs; this one is for webSocketApi only)");
  }

  @Test
  void accessLogFormat_awsRestFormatOnHttpApi() {
    assertProblems(Gateway.builder().httpApi("orders", api -> api
            .stage("prod", stage -> stage.accessLog(log -> log.format(AccessLogFormats.CLF)))
            .route("GET /orders", OK)),
        "httpApi \"orders\" › stage \"prod\": accessLog format variable: \"$context.resourcePath\""
            + " (expected: a $context variable of httpApi access logs; this one is for restApi only)");
  }

  @Test
  void accessLogFormat_claimOnWebSocketApi() {
    assertProblems(Gateway.builder().webSocketApi("chat", api -> api
            .routeSelectionExpression("$request.body.action")
            .stage("prod", stage -> stage.accessLog(log -> log.format(
                "$context.requestId $context.authorizer.claims.sub $context.authorizer.tenant")))
            .route("$default", OK)),
        "webSocketApi \"chat\" › stage \"prod\": accessLog format variable: \"$context.authorizer.claims.sub\""
            + " (expected: a $context variable of webSocketApi access logs; this one is for restApi and httpApi"
            + " only)");
  }

  @Test
  void accessLogFormat_withoutRequestId() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.accessLog(log -> log.format("$context.status")))
            .route("GET /pets", OK)),
        "restApi \"petstore\" › stage \"prod\": accessLog format: \"$context.status\""
            + " (expected: at least $context.requestId or $context.extendedRequestId, as AWS requires)");
  }

  @Test
  void accessLogFormat_otherSyntaxes() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.accessLog(log -> log.format(
                "$context.requestId ${context.status} $stageVariables.url")))
            .route("GET /pets", OK)),
        "restApi \"petstore\" › stage \"prod\": accessLog format: a ${context...} variable"
            + " (expected: $context.name variables only, as in AWS's access logs)",
        "restApi \"petstore\" › stage \"prod\": accessLog format: $stageVariables"
            + " (expected: $context.name variables only, as in AWS's access logs)");
  }

  @Test
  void accessLogFormat_lineBreakInside() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.accessLog(log -> log.format("$context.requestId\n$context.status")))
            .route("GET /pets", OK)),
        "restApi \"petstore\" › stage \"prod\": accessLog format: a line break inside"
            + " (expected: a single line, as AWS's log formats)");
  }

  @Test
  void accessLogFormat_missing() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.accessLog(log -> { }))
            .route("GET /pets", OK)),
        "restApi \"petstore\" › stage \"prod\": accessLog format: null"
            + " (expected: a format with $context variables, such as AccessLogFormats.JSON)");
  }

  @Test
  void accessLogFormat_trailingLineBreakDropped() {
    StageDefinition stage = StageDefinition.builder("prod")
        .accessLog(log -> log.format("$context.requestId $context.status\n")).build();
    assertThat(stage.accessLog().template().format()).isEqualTo("$context.requestId $context.status");
    assertThat(stage.toBuilder().build()).isEqualTo(stage);
  }

  @Test
  void awsFormatsFitRestApis() {
    for (String format : new String[] {AccessLogFormats.CLF, AccessLogFormats.JSON, AccessLogFormats.XML,
        AccessLogFormats.CSV}) {
      AccessLogSettings settings = AccessLogSettings.builder().format(format).build(new java.util.ArrayList<>());
      assertThat(settings.template().problems(ApiType.REST)).isEmpty();
    }
  }
}
