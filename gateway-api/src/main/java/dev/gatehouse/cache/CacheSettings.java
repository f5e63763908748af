package dev.gatehouse.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stage's response cache, as AWS's stage cache settings: with it, the {@code GET} and
 * {@code HEAD} answers of every route are cached for {@link #ttl()} (a route may change its own
 * TTL, key parameters and methods with {@code route.cached(...)}).
 *
 * <pre>{@code
 * api.stage("prod", stage -> stage.cache(cache -> cache
 *     .ttl(Duration.ofMinutes(5))
 *     .maxBytes(64 << 20)
 *     .invalidationKeys("ops")                         // this API key may send Cache-Control: max-age=0
 *     .xCacheHeader()));
 * }</pre>
 *
 * @param ttl how long an answer is served from the cache; AWS's 300 s by default, 0 turns caching off
 * @param maxTtl the largest TTL this stage and its routes may set: AWS's 3,600 s unless raised
 * @param maxBytes how many bytes of answers the in-process cache holds; the least recently used go
 *     first past it
 * @param maxEntryBytes the largest answer that is cached, AWS's 1,048,576 bytes by default
 * @param cacheableStatuses the statuses whose answers are stored; empty for every 2xx
 * @param requireAuthorization whether {@code Cache-Control: max-age=0} needs a right to invalidate
 *     (an authorizer policy allowing {@code execute-api:InvalidateCache}, or an API key of
 *     {@code invalidationKeys}); AWS's default is yes. Without it any caller may refetch
 * @param unauthorizedCacheControl what a caller without that right gets for {@code max-age=0}
 * @param invalidationKeys IDs of the API keys that may invalidate entries
 * @param xCacheHeader whether answers carry {@code X-Cache: Hit} or {@code X-Cache: Miss} (AWS sends none)
 */
public record CacheSettings(
    Duration ttl,
    Duration maxTtl,
    long maxBytes,
    long maxEntryBytes,
    Set<Integer> cacheableStatuses,
    boolean requireAuthorization,
    UnauthorizedCacheControl unauthorizedCacheControl,
    Set<String> invalidationKeys,
    boolean xCacheHeader) {

  /** AWS's default TTL. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(300);
  /** AWS's largest TTL. */
  public static final Duration DEFAULT_MAX_TTL = Duration.ofSeconds(3600);
  /** AWS's smallest cache, 0.5 GB, would be a lot of heap: 64 MiB unless set. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;
  /** AWS's largest cacheable response. */
  public static final long DEFAULT_MAX_ENTRY_BYTES = 1_048_576;

  public CacheSettings {
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(maxTtl, "maxTtl");
    cacheableStatuses = java.util.Collections.unmodifiableSet(new TreeSet<>(cacheableStatuses));
    Objects.requireNonNull(unauthorizedCacheControl, "unauthorizedCacheControl");
    invalidationKeys = java.util.Collections.unmodifiableSet(new TreeSet<>(invalidationKeys));
  }

  /** Whether an answer with {@code status} may be stored. */
  public boolean isCacheable(int status) {
    return cacheableStatuses.isEmpty() ? status >= 200 && status < 300 : cacheableStatuses.contains(status);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder().ttl(ttl).maxTtl(maxTtl).maxBytes(maxBytes).maxEntryBytes(maxEntryBytes)
        .unauthorizedCacheControl(unauthorizedCacheControl);
    builder.statuses.addAll(cacheableStatuses);
    builder.requireAuthorization = requireAuthorization;
    builder.keys.addAll(invalidationKeys);
    builder.xCacheHeader = xCacheHeader;
    return builder;
  }

  /** Collects a stage's cache settings; not thread-safe. */
  public static final class Builder {
    private Duration ttl = DEFAULT_TTL;
    private Duration maxTtl = DEFAULT_MAX_TTL;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private long maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;
    private final Set<Integer> statuses = new LinkedHashSet<>();
    private boolean requireAuthorization = true;
    private UnauthorizedCacheControl unauthorized = UnauthorizedCacheControl.SUCCEED_WITH_RESPONSE_HEADER;
    private final Set<String> keys = new LinkedHashSet<>();
    private boolean xCacheHeader;

    Builder() {}

    /** How long answers are cached; 0 turns the cache off. */
    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    /** Raises (or lowers) the largest TTL from AWS's 3,600 s: Gatehouse has no such limit of its own. */
    public Builder maxTtl(Duration maxTtl) {
      this.maxTtl = maxTtl;
      return this;
    }

    public Builder maxBytes(long bytes) {
      this.maxBytes = bytes;
      return this;
    }

    public Builder maxEntryBytes(long bytes) {
      this.maxEntryBytes = bytes;
      return this;
    }

    /** Stores answers with these statuses instead of every 2xx, for example {@code 200, 404}. */
    public Builder cacheableStatuses(Integer... statuses) {
      this.statuses.addAll(List.of(statuses));
      return this;
    }

    /** Lets any caller refetch with {@code Cache-Control: max-age=0}. */
    public Builder noAuthorizationToInvalidate() {
      this.requireAuthorization = false;
      return this;
    }

    public Builder unauthorizedCacheControl(UnauthorizedCacheControl strategy) {
      this.unauthorized = strategy;
      return this;
    }

    /** API keys (by ID) whose callers may refetch with {@code Cache-Control: max-age=0}. */
    public Builder invalidationKeys(String... apiKeyIds) {
      this.keys.addAll(List.of(apiKeyIds));
      return this;
    }

    /** Adds {@code X-Cache: Hit} or {@code X-Cache: Miss} to cached routes' answers. */
    public Builder xCacheHeader() {
      this.xCacheHeader = true;
      return this;
    }

    /** The settings, or {@code null} with the problems, each as {@code field: value (expected: rule)}. */
    public CacheSettings build(List<String> problems) {
      List<String> found = new ArrayList<>();
      if (maxTtl == null || maxTtl.isNegative()) {
        found.add("maxTtl: " + maxTtl + " (expected: a duration >= 0)");
      }
      if (ttl == null || ttl.isNegative()) {
        found.add("ttl: " + ttl + " (expected: a duration >= 0; 0 turns caching off)");
      } else if (maxTtl != null && ttl.compareTo(maxTtl) > 0) {
        found.add("ttl: " + ttl + " (expected: at most maxTtl " + maxTtl
            + "; AWS's limit is 3,600 s, raise it with maxTtl(...))");
      }
      if (maxBytes <= 0) {
        found.add("maxBytes: " + maxBytes + " (expected: > 0)");
      }
      if (maxEntryBytes <= 0 || maxEntryBytes > maxBytes) {
        found.add("maxEntryBytes: " + maxEntryBytes + " (expected: > 0 and at most maxBytes " + maxBytes + ")");
      }
      for (Integer status : statuses) {
        if (status == null || status < 100 || status > 599) {
          found.add("cacheableStatuses: " + status + " (expected: 100..599)");
        }
      }
      if (unauthorized == null) {
        found.add("unauthorizedCacheControl: null (expected: one of FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER,"
            + " SUCCEED_WITHOUT_RESPONSE_HEADER)");
      }
      for (String key : keys) {
        if (key == null || !key.matches("[A-Za-z0-9._-]{1,128}")) {
          found.add("invalidationKeys: " + key + " (expected: API key IDs, [A-Za-z0-9._-]{1,128})");
        }
      }
      problems.addAll(found);
      if (!found.isEmpty()) {
        return null;
      }
      return new CacheSettings(ttl, maxTtl, maxBytes, maxEntryBytes, statuses, requireAuthorization, unauthorized,
          keys, xCacheHeader);
    }
  }
}
