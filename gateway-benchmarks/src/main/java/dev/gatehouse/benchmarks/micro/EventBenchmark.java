package dev.gatehouse.benchmarks.micro;

import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyEventV2;
import dev.gatehouse.runtime.internal.integration.EventsV1;
import dev.gatehouse.runtime.internal.integration.EventsV2;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the event a function receives, from an exchange the router has already handled once in
 * {@link #setUp}: {@code POST /prod/pets/42?limit=10&sort=name} with ten header fields (one
 * repeated, one cookie) and a small JSON body; payload 1.0 from a REST API, 2.0 from an HTTP API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class EventBenchmark {
  private Exchange restExchange;
  private Exchange httpExchange;

  @Setup
  public void setUp() {
    restExchange = Fixtures.routed(Fixtures.petstore(true), Fixtures.request("/prod/pets/42"));
    httpExchange = Fixtures.routed(Fixtures.petstore(false), Fixtures.request("/prod/pets/42"));
  }

  @Benchmark
  public ProxyEventV1 payloadV1() {
    return EventsV1.build(restExchange);
  }

  @Benchmark
  public ProxyEventV2 payloadV2() {
    return EventsV2.build(httpExchange);
  }
}
