package dev.gatehouse.benchmarks.micro;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.ProxyResponseV2;
import dev.gatehouse.runtime.internal.RequestIds;
import dev.gatehouse.runtime.internal.integration.MalformedResponseException;
import dev.gatehouse.runtime.internal.integration.ResponsesV1;
import dev.gatehouse.runtime.internal.integration.ResponsesV2;
import dev.gatehouse.runtime.internal.response.GatewayResponses;
import dev.gatehouse.runtime.internal.response.ResponseFinisher;
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
 * Turning a function's proxy response (two headers, a small JSON body) into the gateway response,
 * then {@link ResponseFinisher#finish} (header checks and {@code x-amzn-RequestId}), which every
 * answer pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class ResponseBenchmark {
  private ProxyResponseV1 responseV1;
  private ProxyResponseV2 responseV2;
  private String requestId;
  private GatewayResponses responses;
  private String where;

  @Setup
  public void setUp() {
    responseV1 = Fixtures.RESPONSE_V1;
    responseV2 = Fixtures.RESPONSE_V2;
    requestId = RequestIds.requestId();
    responses = GatewayResponses.defaults();
    where = "restApi \"petstore\" › route \"POST /pets/{id}\"";
  }

  @Benchmark
  public GatewayResponse proxyResponseV1() throws MalformedResponseException {
    return ResponseFinisher.finish(ResponsesV1.translate(responseV1, requestId), requestId, responses, where);
  }

  @Benchmark
  public GatewayResponse proxyResponseV2() throws MalformedResponseException {
    return ResponseFinisher.finish(ResponsesV2.translate(responseV2, requestId), requestId, responses, where);
  }
}
