package dev.gatehouse;

/**
 * Where a route that requires an API key finds it, as AWS's {@code apiKeySource}.
 *
 * <pre>{@code
 * api.apiKeySource(ApiKeySource.AUTHORIZER)   // the function authorizer's usageIdentifierKey
 * }</pre>
 */
public enum ApiKeySource {
  /** The {@code x-api-key} header. */
  HEADER,
  /**
   * The {@code usageIdentifierKey} a function authorizer answered with; the key is checked after the
   * authorizer, and a route without such an authorizer finds no key.
   */
  AUTHORIZER
}
