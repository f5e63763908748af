package dev.gatehouse.runtime.internal.iam;

import dev.gatehouse.iam.IamSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The checks of a signature's scope and time before any key is looked up, with AWS's messages: the
 * scope's service and region must be the gateway's ({@link SigV4Parser} already matched its date to
 * {@code X-Amz-Date}), and the {@code X-Amz-Date} within the clock skew of now (a presigned URL with
 * {@code X-Amz-Expires}: from skew before its date until that many seconds after it). A signature
 * replayed later than that is refused.
 */
final class SignatureTimes {
  static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private SignatureTimes() {}

  /** What is wrong with the scope or time of {@code signed}, in AWS's words, or {@code null}. */
  static String problem(SignedRequest signed, IamSettings settings, Instant now) {
    if (!settings.service().equals(signed.service())) {
      return "Credential should be scoped to correct service: '" + settings.service() + "'. ";
    }
    if (!settings.region().equals(signed.region())) {
      return "Credential should be scoped to a valid region. ";
    }
    String date = signed.amzDate();
    Instant signedAt = AmzDates.instant(date);
    Duration skew = settings.clockSkew();
    String skewText = skew.toSeconds() % 60 == 0 ? skew.toMinutes() + " min." : skew.toSeconds() + " sec.";
    if (signedAt.isAfter(now.plus(skew))) {
      return "Signature not yet current: " + date + " is still later than " + AMZ_DATE.format(now.plus(skew))
          + " (" + AMZ_DATE.format(now) + " + " + skewText + ")";
    }
    if (signed.presigned() && signed.expiresSeconds() != null) {
      long expires = signed.expiresSeconds();
      if (now.isAfter(signedAt.plusSeconds(expires))) {
        return "Signature expired: " + date + " is now earlier than " + AMZ_DATE.format(now.minusSeconds(expires))
            + " (" + AMZ_DATE.format(now) + " - " + expires + " sec.)";
      }
      return null;
    }
    if (signedAt.isBefore(now.minus(skew))) {
      return "Signature expired: " + date + " is now earlier than " + AMZ_DATE.format(now.minus(skew))
          + " (" + AMZ_DATE.format(now) + " - " + skewText + ")";
    }
    return null;
  }
}
