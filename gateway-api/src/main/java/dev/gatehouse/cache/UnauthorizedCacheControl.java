package dev.gatehouse.cache;

/**
 * What happens to a {@code Cache-Control: max-age=0} from a caller that may not invalidate the
 * cache, as AWS's {@code unauthorizedCacheControlHeaderStrategy}.
 */
public enum UnauthorizedCacheControl {
  /** The request is refused: 403. */
  FAIL_WITH_403,
  /** The header is ignored (the cache answers as usual) and the response says so in a {@code Warning} header. */
  SUCCEED_WITH_RESPONSE_HEADER,
  /** The header is ignored silently. */
  SUCCEED_WITHOUT_RESPONSE_HEADER
}
