/**
 * IAM authorization: SigV4-signed callers, their credentials and identity policies
 * ({@link dev.gatehouse.iam.IamSettings}), and IAM-style policies ({@link dev.gatehouse.iam.IamPolicy})
 * that also serve as APIs' resource policies, with source-address blocks ({@link dev.gatehouse.iam.Cidr}).
 */
package dev.gatehouse.iam;
