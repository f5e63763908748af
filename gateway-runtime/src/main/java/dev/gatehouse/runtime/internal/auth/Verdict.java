package dev.gatehouse.runtime.internal.auth;

import dev.gatehouse.RequestContext;

/**
 * What checking a token decided: admitted with what the authorizer established, or refused with the
 * reason AWS's JWT authorizer puts in {@code www-authenticate}.
 *
 * @param authorization what reaches {@code $context.authorizer}; {@code null} when refused
 * @param problem AWS's {@code error_description}, such as {@code the token has expired}; {@code null} when admitted
 */
record Verdict(RequestContext.Authorization authorization, String problem) {
  static Verdict admitted(RequestContext.Authorization authorization) {
    return new Verdict(authorization, null);
  }

  static Verdict refused(String problem) {
    return new Verdict(null, problem);
  }

  boolean isAdmitted() {
    return authorization != null;
  }
}
