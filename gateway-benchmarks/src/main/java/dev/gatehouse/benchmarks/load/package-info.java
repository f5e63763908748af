/**
 * The load benchmark: the same trivial answer served bare and through Gatehouse, on the JDK's
 * {@code HttpServer} and on Jetty, loaded over loopback from another core.
 *
 * <p>Starting points: {@link dev.gatehouse.benchmarks.load.LoadBenchmark} (the orchestrator's main);
 * {@link dev.gatehouse.benchmarks.load.Scenarios} (what is measured through the gateway, as data);
 * {@link dev.gatehouse.benchmarks.load.ServerMain} (one server per process);
 * {@link dev.gatehouse.benchmarks.load.NginxProcess} (nginx, the HTTP proxy scenarios' reference);
 * {@link dev.gatehouse.benchmarks.load.OpenLoopClient} (latency at a fixed rate, free of coordinated
 * omission).
 */
package dev.gatehouse.benchmarks.load;
