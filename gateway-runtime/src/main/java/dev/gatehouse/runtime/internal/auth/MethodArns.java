package dev.gatehouse.runtime.internal.auth;

import dev.gatehouse.ApiType;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.routing.PathDecoder;

/**
 * Method ARNs as AWS writes them for authorizers and IAM,
 * {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{method}{path}}, and the IAM
 * wildcard match of a policy's resources against them. The region and account are the gateway's
 * IAM settings'; a gateway without them writes {@value #REGION} and {@value #ACCOUNT}, so policies
 * written with {@code *} for both work unchanged.
 */
public final class MethodArns {
  static final String REGION = "local";
  static final String ACCOUNT = "000000000000";
  private static final String PREFIX = "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":";

  private MethodArns() {}

  /**
   * The ARN of this request: API name, stage, method, and the decoded path after the stage; for a
   * WebSocket API, as AWS writes it there, API name, stage and route key ({@code .../prod/$connect}).
   */
  public static String of(Exchange ex) {
    String api = apiArn(ex);
    if (ex.api().definition().type() == ApiType.WEBSOCKET) {
      return api + "/" + ex.stage().name() + "/" + ex.route().routeKey();
    }
    String path = PathDecoder.after(ex.path(), ex.segments(), ex.stageSegments());
    return api + "/" + ex.stage().name() + "/" + ex.request().method() + (path.isEmpty() ? "/" : path);
  }

  /** The ARN of the request's API, {@code arn:aws:execute-api:{region}:{account}:{apiId}}. */
  public static String apiArn(Exchange ex) {
    IamSettings iam = ex.deployment().definition().iam();
    String api = ex.api().definition().name();
    return iam == null ? PREFIX + api : "arn:aws:execute-api:" + iam.region() + ":" + iam.accountId() + ":" + api;
  }

  /** IAM's wildcards: {@code *} any run of characters (slashes and colons too), {@code ?} one character. */
  public static boolean matches(String pattern, String arn) {
    return matches(pattern, arn, false);
  }

  /** As {@link #matches(String, String)}, letters compared without case, as IAM compares action names. */
  public static boolean matchesIgnoringCase(String pattern, String text) {
    return matches(pattern, text, true);
  }

  private static boolean matches(String pattern, String arn, boolean ignoreCase) {
    int p = 0;
    int a = 0;
    int star = -1;
    int resume = 0;
    while (a < arn.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), arn.charAt(a), ignoreCase))) {
        p++;
        a++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = a;
      } else if (star >= 0) {
        p = star + 1;
        a = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean same(char a, char b, boolean ignoreCase) {
    return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
  }
}
