package dev.gatehouse.log;

/**
 * AWS's ready access log formats, copied from its guide ("Setting up CloudWatch logging for a REST
 * API"): Common Log Format, JSON, XML and CSV. AWS prints them over several lines with {@code \}
 * as a visual aid and says a format must be a single line; here each continuation is one space, or
 * nothing where AWS wrote none before the backslash (CSV).
 *
 * <p>They name REST API variables ({@code $context.resourcePath}, {@code $context.identity.caller}),
 * so an {@code httpApi} or {@code webSocketApi} stage needs a format of its own: {@code build()}
 * says which variable does not belong.
 */
public final class AccessLogFormats {
  /** Common Log Format, AWS's {@code CLF}. */
  public static final String CLF = "$context.identity.sourceIp $context.identity.caller"
      + " $context.identity.user [$context.requestTime]"
      + " \"$context.httpMethod $context.resourcePath $context.protocol\""
      + " $context.status $context.responseLength $context.requestId $context.extendedRequestId";

  /** AWS's {@code JSON}: one object per line, every value a string. */
  public static final String JSON = "{ \"requestId\":\"$context.requestId\","
      + " \"extendedRequestId\":\"$context.extendedRequestId\","
      + " \"ip\": \"$context.identity.sourceIp\","
      + " \"caller\":\"$context.identity.caller\","
      + " \"user\":\"$context.identity.user\","
      + " \"requestTime\":\"$context.requestTime\","
      + " \"httpMethod\":\"$context.httpMethod\","
      + " \"resourcePath\":\"$context.resourcePath\","
      + " \"status\":\"$context.status\","
      + " \"protocol\":\"$context.protocol\","
      + " \"responseLength\":\"$context.responseLength\""
      + " }";

  /** AWS's {@code XML}: one {@code <request>} element per line. */
  public static final String XML = "<request id=\"$context.requestId\">"
      + " <extendedRequestId>$context.extendedRequestId</extendedRequestId>"
      + " <ip>$context.identity.sourceIp</ip>"
      + " <caller>$context.identity.caller</caller>"
      + " <user>$context.identity.user</user>"
      + " <requestTime>$context.requestTime</requestTime>"
      + " <httpMethod>$context.httpMethod</httpMethod>"
      + " <resourcePath>$context.resourcePath</resourcePath>"
      + " <status>$context.status</status>"
      + " <protocol>$context.protocol</protocol>"
      + " <responseLength>$context.responseLength</responseLength>"
      + " </request>";

  /** AWS's {@code CSV}: eleven comma-separated columns. */
  public static final String CSV = "$context.identity.sourceIp,$context.identity.caller,"
      + "$context.identity.user,$context.requestTime,$context.httpMethod,"
      + "$context.resourcePath,$context.protocol,$context.status,"
      + "$context.responseLength,$context.requestId,$context.extendedRequestId";

  private AccessLogFormats() {}
}
