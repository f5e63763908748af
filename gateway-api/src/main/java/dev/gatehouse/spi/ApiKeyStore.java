package dev.gatehouse.spi;

import dev.gatehouse.ApiKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where API keys live. The runtime's default keeps them in memory as SHA-256 digests, so a heap dump
 * does not hand out the keys; a store backed by a database can be passed to
 * {@code Gateway.builder().apiKeyStore(store)}. Keys may change at any time while the gateway
 * serves: a disabled or removed key is refused from the next request on.
 *
 * <p>A store compares presented values in constant time (for example by looking up a digest and
 * comparing with {@link java.security.MessageDigest#isEqual}), so that response times do not reveal
 * how much of a guess was right. Keys it hands back carry no value ({@link ApiKey#withoutValue()}).
 */
public interface ApiKeyStore {

  /** The key whose value is {@code presentedValue}, or empty; a disabled key is returned too. */
  CompletionStage<Optional<ApiKey>> findByValue(String presentedValue);

  /**
   * Adds a key.
   *
   * @throws IllegalArgumentException if its ID or its value is already in the store, or it has no value
   */
  void add(ApiKey key);

  /** Enables or disables the key; whether there is such a key. */
  boolean setEnabled(String id, boolean enabled);

  /** Removes the key; whether there was such a key. */
  boolean remove(String id);

  /** The key with this ID, without its value. */
  Optional<ApiKey> get(String id);

  /** Every key, without values, in no particular order. */
  List<ApiKey> list();
}
