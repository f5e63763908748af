package dev.gatehouse.benchmarks.micro;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.Integrations;
import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole in-process path, {@code gateway.handle(request).toCompletableFuture().join()}, for
 * {@code POST /prod/.../pets/42?limit=10&sort=name} with ten header fields and a small JSON body on
 * a REST API (payload 1.0), with three integrations:
 *
 * <ul>
 *   <li>{@code asyncFunction}: {@code Integrations.asyncFunction}, answering a completed future
 *   <li>{@code blockingFunction}: {@code Integrations.function} on the default handler executor
 *       (on Java 17 a bounded pool, so each request crosses to a pool thread and back)
 *   <li>{@code mock}: {@code Integrations.mock(200, json)}, a fixed answer
 * </ul>
 *
 * <p>The functions answer a prebuilt response, so the figures are the gateway's own cost. The
 * access log is off (WARN), as the figure of interest is the path, not SLF4J's console writer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
    "-Dorg.slf4j.simpleLogger.log.dev.gatehouse.access=warn"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 4, time = 1)
public class HandleBenchmark {
  private Gateway gateway;
  private GatewayRequest asyncRequest;
  private GatewayRequest blockingRequest;
  private GatewayRequest mockRequest;

  @Setup
  public void setUp() {
    gateway = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod")
            .route("POST /pets/{id}",
                Integrations.asyncFunction(event -> CompletableFuture.completedFuture(Fixtures.RESPONSE_V1)))
            .route("POST /blocking/pets/{id}", Integrations.function(event -> Fixtures.RESPONSE_V1))
            .route("POST /mock/pets/{id}", Integrations.mock(200, Fixtures.RESPONSE_BODY)))
        // far above the benchmark's rate: the account bucket costs its token but never refuses
        .accountThrottle(1e12, 1_000_000_000_000L)
        .build();
    asyncRequest = Fixtures.request("/prod/pets/42");
    blockingRequest = Fixtures.request("/prod/blocking/pets/42");
    mockRequest = Fixtures.request("/prod/mock/pets/42");
  }

  @TearDown
  public void tearDown() {
    gateway.close();
  }

  @Benchmark
  public GatewayResponse asyncFunction() {
    return gateway.handle(asyncRequest).toCompletableFuture().join();
  }

  @Benchmark
  public GatewayResponse blockingFunction() {
    return gateway.handle(blockingRequest).toCompletableFuture().join();
  }

  @Benchmark
  public GatewayResponse mock() {
    return gateway.handle(mockRequest).toCompletableFuture().join();
  }
}
