package dev.gatehouse;

import java.util.List;
import java.util.Optional;

/**
 * The API keys of a running gateway, from {@link Gateway#apiKeys()}. Changes reach the gateway's
 * key store at once and apply from the next request; nothing is redeployed.
 *
 * <pre>{@code
 * gateway.apiKeys().add(ApiKey.of("partner-7", "demo-value-not-a-secret-0000000001")  // demo value
 *     .withUsagePlans("basic"));
 * gateway.apiKeys().disable("partner-7");   // its next request gets 403
 * }</pre>
 */
public interface ApiKeys {

  /**
   * Adds a key.
   *
   * @throws IllegalArgumentException naming the broken rule: a malformed ID or value, an ID or value
   *     already in use, a usage plan that does not exist, or two plans covering one API stage
   */
  void add(ApiKey key);

  /** Admits the key's requests again; whether there is such a key. */
  boolean enable(String id);

  /** Refuses the key's requests from the next one on; whether there is such a key. */
  boolean disable(String id);

  /** Removes the key; whether there was such a key. */
  boolean remove(String id);

  /** The key with this ID, without its value. */
  Optional<ApiKey> get(String id);

  /** Every key, without values, sorted by ID. */
  List<ApiKey> list();
}
