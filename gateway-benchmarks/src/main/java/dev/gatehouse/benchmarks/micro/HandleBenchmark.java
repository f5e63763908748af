package dev.gatehouse.benchmarks.micro;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.QuotaPeriod;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.Integrations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
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
 *   <li>{@code apiKeyThrottle}: the async function behind an API key with a usage-plan throttle
 *       and quota (limits far above the benchmark's rate)
 *   <li>{@code jwtCached}: the async function behind a JWT authorizer, the token answered from the
 *       verified-token cache
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
  /** Demo values, not secrets. */
  private static final String API_KEY = "bench-demo-key-0123456789";
  private static final byte[] JWT_SECRET = "bench-demo-hmac-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final String JWT_ISSUER = "https://bench.example";
  private static final double UNLIMITED = 1e12;

  private Gateway gateway;
  private GatewayRequest asyncRequest;
  private GatewayRequest blockingRequest;
  private GatewayRequest mockRequest;
  private GatewayRequest keyedRequest;
  private GatewayRequest bearerRequest;

  @Setup
  public void setUp() throws JOSEException {
    gateway = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod")
            .authorizer(Authorizers.jwt("users").issuer(JWT_ISSUER).audience("petstore").hmacSecret(JWT_SECRET))
            .route("POST /pets/{id}", answeringFunction())
            .route("POST /blocking/pets/{id}", Integrations.function(event -> Fixtures.RESPONSE_V1))
            .route("POST /mock/pets/{id}", Integrations.mock(200, Fixtures.RESPONSE_BODY))
            .route("POST /keyed/pets/{id}", answeringFunction(), route -> route.apiKeyRequired())
            .route("POST /jwt/pets/{id}", answeringFunction(), route -> route.authorizer("users")))
        .usagePlan("bench", plan -> plan.stage("petstore", "prod")
            .throttle(UNLIMITED, (long) UNLIMITED)
            .quota(Long.MAX_VALUE / 2, QuotaPeriod.MONTH)
            .apiKey("bench", API_KEY))
        // far above the benchmark's rate: the buckets cost their tokens but never refuse
        .accountThrottle(UNLIMITED, (long) UNLIMITED)
        .build();
    asyncRequest = Fixtures.request("/prod/pets/42");
    blockingRequest = Fixtures.request("/prod/blocking/pets/42");
    mockRequest = Fixtures.request("/prod/mock/pets/42");
    keyedRequest = Fixtures.request("/prod/keyed/pets/42", "Bearer none", API_KEY);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
        .issuer(JWT_ISSUER).audience("petstore").subject("bench-user")
        .expirationTime(Date.from(Instant.parse("2100-01-01T00:00:00Z"))).build());
    jwt.sign(new MACSigner(JWT_SECRET));
    bearerRequest = Fixtures.request("/prod/jwt/pets/42", "Bearer " + jwt.serialize(), null);
  }

  private static Integration answeringFunction() {
    return Integrations.asyncFunction(event -> CompletableFuture.completedFuture(Fixtures.RESPONSE_V1));
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

  @Benchmark
  public GatewayResponse apiKeyThrottle() {
    return gateway.handle(keyedRequest).toCompletableFuture().join();
  }

  @Benchmark
  public GatewayResponse jwtCached() {
    return gateway.handle(bearerRequest).toCompletableFuture().join();
  }
}
