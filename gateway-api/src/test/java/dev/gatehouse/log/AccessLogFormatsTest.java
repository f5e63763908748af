package dev.gatehouse.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The ready formats are AWS's examples from "Setting up CloudWatch logging for a REST API", copied
 * below as printed there, made one line by the rule {@link AccessLogFormats} states.
 */
class AccessLogFormatsTest {

  /** A continuation ({@code \} at a line's end) and the break after it: one space, or none without a space before it. */
  private static String oneLine(String printed) {
    return printed.strip().replaceAll("(\\S)\\s+\\\\\\n\\s*", "$1 ").replaceAll("\\\\\\n\\s*", "")
        .replaceAll("\\n\\s*", " ");
  }

  @Test
  void clfIsAwsExample() {
    assertThat(AccessLogFormats.CLF).isEqualTo(oneLine("""
        $context.identity.sourceIp $context.identity.caller  \\
        $context.identity.user [$context.requestTime] \\
        "$context.httpMethod $context.resourcePath $context.protocol" \\
        $context.status $context.responseLength $context.requestId $context.extendedRequestId
        """));
  }

  @Test
  void jsonIsAwsExample() {
    assertThat(AccessLogFormats.JSON).isEqualTo(oneLine("""
        { "requestId":"$context.requestId", \\
          "extendedRequestId":"$context.extendedRequestId", \\
          "ip": "$context.identity.sourceIp", \\
          "caller":"$context.identity.caller", \\
          "user":"$context.identity.user", \\
          "requestTime":"$context.requestTime", \\
          "httpMethod":"$context.httpMethod", \\
          "resourcePath":"$context.resourcePath", \\
          "status":"$context.status", \\
          "protocol":"$context.protocol", \\
          "responseLength":"$context.responseLength" \\
        }
        """));
  }

  @Test
  void xmlIsAwsExample() {
    // AWS's second line has no backslash; the format must be one line all the same
    assertThat(AccessLogFormats.XML).isEqualTo(oneLine("""
        <request id="$context.requestId"> \\
            <extendedRequestId>$context.extendedRequestId</extendedRequestId>
            <ip>$context.identity.sourceIp</ip> \\
            <caller>$context.identity.caller</caller> \\
            <user>$context.identity.user</user> \\
            <requestTime>$context.requestTime</requestTime> \\
            <httpMethod>$context.httpMethod</httpMethod> \\
            <resourcePath>$context.resourcePath</resourcePath> \\
            <status>$context.status</status> \\
            <protocol>$context.protocol</protocol> \\
            <responseLength>$context.responseLength</responseLength> \\
        </request>
        """));
  }

  @Test
  void csvIsAwsExample() {
    assertThat(AccessLogFormats.CSV).isEqualTo(oneLine("""
        $context.identity.sourceIp,$context.identity.caller,\\
        $context.identity.user,$context.requestTime,$context.httpMethod,\\
        $context.resourcePath,$context.protocol,$context.status,\\
        $context.responseLength,$context.requestId,$context.extendedRequestId
        """));
  }
}
