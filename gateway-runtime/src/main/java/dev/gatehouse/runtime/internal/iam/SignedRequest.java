package dev.gatehouse.runtime.internal.iam;

import java.util.List;

/**
 * What a request says about its own SigV4 signature, from its Authorization header or, when
 * {@code presigned}, its query string. Nothing here is verified yet; {@link SigV4Check} does that.
 *
 * @param scopeDate the credential scope's date, {@code yyyyMMdd}
 * @param signedHeaders lower-case header names as listed in SignedHeaders
 * @param signature the hex signature the client computed
 * @param amzDate the {@code X-Amz-Date}, {@code yyyyMMdd'T'HHmmss'Z'}
 * @param expiresSeconds {@code X-Amz-Expires} of a presigned request; {@code null} otherwise or when absent
 * @param securityToken the session token from {@code X-Amz-Security-Token}; {@code null} when absent
 */
record SignedRequest(boolean presigned, String accessKeyId, String scopeDate, String region, String service,
    List<String> signedHeaders, String signature, String amzDate, Integer expiresSeconds,
    String securityToken) {

  SignedRequest {
    signedHeaders = List.copyOf(signedHeaders);
  }

  /** The credential scope, {@code date/region/service/aws4_request}. */
  String scope() {
    return scopeDate + '/' + region + '/' + service + '/' + SigV4.TERMINATOR;
  }

  /** Leaves out the session token, a credential, and the signature, which a presigned URL can be replayed with. */
  @Override
  public String toString() {
    return "SignedRequest[presigned=" + presigned + ", accessKeyId=" + accessKeyId + ", scope=" + scope()
        + ", signedHeaders=" + signedHeaders + ", amzDate=" + amzDate + ", expiresSeconds=" + expiresSeconds
        + ", securityToken=" + (securityToken == null ? "absent" : "present") + "]";
  }
}
