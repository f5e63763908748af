package dev.gatehouse.authorizer;

import java.util.List;

/**
 * AWS's {@code AWS_IAM} authorization: the caller signs with SigV4 (header or presigned URL) and
 * the gateway's {@link dev.gatehouse.iam.IamSettings} decide, with the API's resource policy, whether
 * its principal may invoke the route. Every API knows it under {@link #NAME} without declaring it.
 *
 * <pre>{@code
 * api.route("GET /reports", reports, route -> route.authorizer(IamAuthorizer.NAME));
 * }</pre>
 */
public record IamAuthorizer(String name) implements AuthorizerDefinition {
  /** The name routes use, as AWS's authorization type. */
  public static final String NAME = "AWS_IAM";
  /** The authorizer every API has. */
  public static final IamAuthorizer INSTANCE = new IamAuthorizer(NAME);

  @Override
  public List<String> problems() {
    return NAME.equals(name) ? List.of() : List.of("name: \"" + name + "\" (expected: " + NAME + ")");
  }
}
