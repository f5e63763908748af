/**
 * AWS Signature Version 4 verification for IAM-authorized routes, as API Gateway (execute-api)
 * checks it; may change at any time.
 *
 * <p>Starting points: {@link dev.gatehouse.runtime.internal.iam.SigV4Parser} (reads the signature
 * parts of a request), {@link dev.gatehouse.runtime.internal.iam.SigV4Check} (checks them against
 * the request and a secret key), {@link dev.gatehouse.runtime.internal.iam.CanonicalRequest} (what
 * is signed).
 */
package dev.gatehouse.runtime.internal.iam;
