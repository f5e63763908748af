/**
 * IAM helpers that need the runtime's libraries: {@link dev.gatehouse.runtime.iam.PolicyDocuments}
 * reads AWS's JSON policy documents into {@link dev.gatehouse.iam.IamPolicy}.
 */
package dev.gatehouse.runtime.iam;
