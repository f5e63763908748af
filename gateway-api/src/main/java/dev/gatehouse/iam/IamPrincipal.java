package dev.gatehouse.iam;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who signed a request: an IAM user or an assumed role's session, as AWS names them. Its parts fill
 * {@code $context.identity}: {@code userArn}, {@code accountId}, and {@code caller} and
 * {@code user} (both the principal's ID, as AWS writes them for IAM callers).
 *
 * <pre>{@code
 * IamPrincipal alice = IamPrincipal.of("arn:aws:iam::123456789012:user/alice", "AIDAJQABLZS4A3QDU576Q");
 * alice.accountId();   // 123456789012
 * }</pre>
 *
 * @param arn the principal's ARN, such as {@code arn:aws:iam::123456789012:user/alice} or
 *     {@code arn:aws:sts::123456789012:assumed-role/reader/session-1}
 * @param accountId the 12-digit account of the ARN
 * @param id the principal's unique ID, such as {@code AIDAJQABLZS4A3QDU576Q} for a user or
 *     {@code AROAEXAMPLEID:session-1} for a role session
 */
public record IamPrincipal(String arn, String accountId, String id) {
  private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:(iam|sts)::(\\d{12}):.+");

  public IamPrincipal {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(id, "id");
  }

  /**
   * The principal of this ARN, its account taken from the ARN.
   *
   * @throws IllegalArgumentException for an ARN that is not an IAM or STS principal's, or a blank ID
   */
  public static IamPrincipal of(String arn, String id) {
    Matcher matcher = arn == null ? null : ARN.matcher(arn);
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException("principal ARN " + (arn == null ? "null" : "\"" + arn + "\"")
          + " (expected: arn:aws:iam::ACCOUNT:user/NAME, arn:aws:iam::ACCOUNT:role/NAME or"
          + " arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, ACCOUNT 12 digits)");
    }
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("principal " + arn + ": id " + (id == null ? "null" : "\"\"")
          + " (expected: the principal's unique ID, such as AIDAJQABLZS4A3QDU576Q)");
    }
    return new IamPrincipal(arn, matcher.group(2), id);
  }
}
