/**
 * JMH microbenchmarks of the request path without sockets: {@link RoutingBenchmark} (decoding the
 * path and matching it in tables of 1, 100 and 10,000 routes), {@link EventBenchmark} (payload 1.0
 * and 2.0 events), {@link ResponseBenchmark} (proxy response to gateway response, then the finisher)
 * and {@link HandleBenchmark} (the whole {@code gateway.handle} for async, blocking and mock routes).
 *
 * <p>Run them all, with allocation per operation, in about 2.5 minutes:
 *
 * <pre>
 * java -jar gateway-benchmarks/target/benchmarks.jar 'dev.gatehouse.benchmarks.micro' -prof gc
 * </pre>
 *
 * <p>Each class fixes its own defaults (one fork, 3 × 1 s warm-up, 3 × 1 s measurement, average
 * time in nanoseconds), so the command needs no options. {@link Fixtures} holds the realistic
 * request and responses they share.
 */
package dev.gatehouse.benchmarks.micro;
