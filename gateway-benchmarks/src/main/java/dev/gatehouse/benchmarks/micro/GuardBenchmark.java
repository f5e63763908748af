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
 * What the guards add to {@code gateway.handle} for the async function route of
 * {@link HandleBenchmark}, single-threaded: an API key with a usage-plan throttle and quota
 * ({@code apiKeyThrottle}), and a JWT authorizer answered from its verified-token cache
 * ({@code jwtCached}), against the same route with neither ({@code plain}). Limits are far above
 * the benchmark's rate, so nothing is ever refused.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
    "-Dorg.slf4j.simpleLogger.log.dev.gatehouse.access=warn"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class GuardBenchmark {
  /** Demo values, not secrets. */
  private static final String API_KEY = "bench-demo-key-0123456789";
  private static final byte[] SECRET = "bench-demo-hmac-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final double UNLIMITED = 1e12;

  private Gateway gateway;
  private GatewayRequest plain;
  private GatewayRequest keyed;
  private GatewayRequest bearer;

  @Setup
  public void setUp() throws JOSEException {
    gateway = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod")
            .authorizer(Authorizers.jwt("users").issuer("https://bench.example").audience("petstore").hmacSecret(SECRET))
            .route("POST /pets/{id}",
                Integrations.asyncFunction(event -> CompletableFuture.completedFuture(Fixtures.RESPONSE_V1)))
            .route("POST /keyed/pets/{id}",
                Integrations.asyncFunction(event -> CompletableFuture.completedFuture(Fixtures.RESPONSE_V1)),
                route -> route.apiKeyRequired())
            .route("POST /jwt/pets/{id}",
                Integrations.asyncFunction(event -> CompletableFuture.completedFuture(Fixtures.RESPONSE_V1)),
                route -> route.authorizer("users")))
        .usagePlan("bench", plan -> plan.stage("petstore", "prod")
            .throttle(UNLIMITED, (long) UNLIMITED)
            .quota(Long.MAX_VALUE / 2, QuotaPeriod.MONTH)
            .apiKey("bench", API_KEY))
        .accountThrottle(UNLIMITED, (long) UNLIMITED)
        .build();
    plain = Fixtures.request("/prod/pets/42");
    keyed = Fixtures.request("/prod/keyed/pets/42", "Bearer none", API_KEY);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
        .issuer("https://bench.example").audience("petstore").subject("bench-user")
        .expirationTime(Date.from(Instant.parse("2100-01-01T00:00:00Z"))).build());
    jwt.sign(new MACSigner(SECRET));
    bearer = Fixtures.request("/prod/jwt/pets/42", "Bearer " + jwt.serialize(), null);
  }

  @TearDown
  public void tearDown() {
    gateway.close();
  }

  @Benchmark
  public GatewayResponse plain() {
    return gateway.handle(plain).toCompletableFuture().join();
  }

  @Benchmark
  public GatewayResponse apiKeyThrottle() {
    return gateway.handle(keyed).toCompletableFuture().join();
  }

  @Benchmark
  public GatewayResponse jwtCached() {
    return gateway.handle(bearer).toCompletableFuture().join();
  }
}
