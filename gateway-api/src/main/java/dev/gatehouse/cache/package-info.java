/**
 * Response caching, as AWS's stage cache: a stage's {@link dev.gatehouse.cache.CacheSettings}, a
 * route's {@link dev.gatehouse.cache.RouteCache}, and {@link dev.gatehouse.cache.StageCache} to flush
 * or evict at run time.
 */
package dev.gatehouse.cache;
