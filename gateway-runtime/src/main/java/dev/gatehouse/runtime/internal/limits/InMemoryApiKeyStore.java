package dev.gatehouse.runtime.internal.limits;

import dev.gatehouse.ApiKey;
import dev.gatehouse.spi.ApiKeyStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link ApiKeyStore}: keys in memory, each value kept only as its SHA-256 digest. A
 * presented value is hashed and looked up by digest; the hash-table lookup compares digests, whose
 * timing says nothing about the value, and the match is confirmed with the constant-time
 * {@link MessageDigest#isEqual}. Lookups take no lock; changes are serialised.
 */
public final class InMemoryApiKeyStore implements ApiKeyStore {
  /** Looking a provider up costs more than hashing a key; each thread keeps its own instance. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(InMemoryApiKeyStore::sha256);

  private final Map<String, Entry> byId = new ConcurrentHashMap<>();
  private final Map<ByteBuffer, String> idByDigest = new ConcurrentHashMap<>();

  private record Entry(ApiKey key, byte[] digest) {}

  @Override
  public CompletionStage<Optional<ApiKey>> findByValue(String presentedValue) {
    byte[] digest = digest(presentedValue);
    String id = idByDigest.get(ByteBuffer.wrap(digest));
    Entry entry = id == null ? null : byId.get(id);
    boolean match = entry != null && MessageDigest.isEqual(entry.digest(), digest);
    return CompletableFuture.completedFuture(match ? Optional.of(entry.key()) : Optional.empty());
  }

  @Override
  public synchronized void add(ApiKey key) {
    if (key.value() == null) {
      throw new IllegalArgumentException("apiKey \"" + key.id() + "\": value: null (expected: the key's value)");
    }
    byte[] digest = digest(key.value());
    if (byId.containsKey(key.id())) {
      throw new IllegalArgumentException("apiKey \"" + key.id() + "\": id (expected: an ID no other key has)");
    }
    String holder = idByDigest.get(ByteBuffer.wrap(digest));
    if (holder != null) {
      throw new IllegalArgumentException("apiKey \"" + key.id() + "\": value: the same as key \"" + holder
          + "\"'s (expected: a value no other key has)");
    }
    byId.put(key.id(), new Entry(key.withoutValue(), digest));
    idByDigest.put(ByteBuffer.wrap(digest), key.id());
  }

  @Override
  public synchronized boolean setEnabled(String id, boolean enabled) {
    return byId.computeIfPresent(id, (k, e) -> new Entry(e.key().withEnabled(enabled), e.digest())) != null;
  }

  @Override
  public synchronized boolean remove(String id) {
    Entry removed = byId.remove(id);
    if (removed != null) {
      idByDigest.remove(ByteBuffer.wrap(removed.digest()));
    }
    return removed != null;
  }

  @Override
  public Optional<ApiKey> get(String id) {
    Entry entry = byId.get(id);
    return entry == null ? Optional.empty() : Optional.of(entry.key());
  }

  @Override
  public List<ApiKey> list() {
    return byId.values().stream().map(Entry::key).toList();
  }

  private static byte[] digest(String value) {
    // digest() resets the instance, so one per thread serves every lookup on it
    return SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
