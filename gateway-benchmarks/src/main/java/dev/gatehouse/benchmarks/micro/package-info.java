/**
 * JMH microbenchmarks of the request path without sockets: {@link RoutingBenchmark} (decoding the
 * path and matching it in tables of 1, 100 and 10,000 routes), {@link EventBenchmark} (payload 1.0
 * and 2.0 events), {@link ResponseBenchmark} (proxy response to gateway response, then the finisher),
 * {@link HandleBenchmark} (the whole {@code gateway.handle} for async, blocking and mock routes),
 * {@link CacheBenchmark} (a cache hit and a cache miss against the same route without a cache)
 * and {@link IamBenchmark} (a SigV4-signed request on an {@code AWS_IAM} route against the same
 * route without an authorizer).
 *
 * <p>Run them all, with allocation per operation, in about 3½ minutes:
 *
 * <pre>
 * java -jar gateway-benchmarks/target/benchmarks.jar 'dev.gatehouse.benchmarks.micro' -prof gc
 * </pre>
 *
 * <p>Each class fixes its own defaults (one fork, 4 × 1 s warm-up, 4 × 1 s measurement, average
 * time in nanoseconds), so the command needs no options: 23 benchmarks of about 9 s each. Four
 * warm-up seconds let C2 finish compiling the whole {@code handle} path on a busy 2-core machine,
 * where three left the first measured second still slow; four measured seconds keep JMH's
 * confidence interval (Student's t with n − 1 degrees of freedom) from being twice as wide as with
 * three. {@link Fixtures} holds the realistic request and responses they share.
 */
package dev.gatehouse.benchmarks.micro;
