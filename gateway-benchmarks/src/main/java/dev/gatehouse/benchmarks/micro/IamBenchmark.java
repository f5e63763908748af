package dev.gatehouse.benchmarks.micro;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.benchmarks.load.SigV4Signer;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.Integrations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
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
 * {@code AWS_IAM} on the whole in-process path, {@code gateway.handle(request)}: one REST API with
 * two routes of the same shape to the same async function, {@code POST /iam/pets/{id}} behind
 * {@code AWS_IAM} and {@code POST /any/pets/{id}} without an authorizer.
 *
 * <ul>
 *   <li>{@code iamSigned}: {@link Fixtures}' request (ten header fields, two query parameters, a
 *       JSON body) with {@code X-Amz-Date} and a SigV4 {@code Authorization} in place of its bearer
 *       token, signed once in the set-up and replayed, as AWS allows within 5 minutes: the
 *       signature (body hash included) verified against an in-memory key, then the identity policy
 *       decided
 *   <li>{@code plainSameRoute}: the same request, signed for its own path, on the route without an
 *       authorizer: the baseline of the ratio, so that the difference is the verification alone
 * </ul>
 *
 * <p>A JMH trial lasts seconds and its set-up signs afresh, far inside the gateway's 5 minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
    "-Dorg.slf4j.simpleLogger.log.dev.gatehouse.access=warn"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 4, time = 1)
public class IamBenchmark {
  /** Demo values, not secrets: the only key the gateway knows, and its owner. */
  static final String ACCESS_KEY_ID = "AKIDBENCHDEMO";
  private static final String SECRET = "bench-demo-sigv4-secret-not-for-production";
  private static final String REGION = "eu-west-1";
  private static final IamPrincipal USER = IamPrincipal.of("arn:aws:iam::123456789012:user/bench", "AIDABENCHDEMO");
  /** As long as {@code iam}, so that both paths are decoded and routed alike. */
  static final String SIGNED_PATH = "/prod/iam/pets/42";
  static final String PLAIN_PATH = "/prod/any/pets/42";
  private static final double UNLIMITED = 1e12;

  private Gateway gateway;
  private GatewayRequest signedRequest;
  private GatewayRequest plainRequest;

  @Setup
  public void setUp() {
    gateway = Gateway.builder()
        .iam(IamSettings.builder()
            .region(REGION)
            .accountId(USER.accountId())
            .credentials(InMemoryCredentials.of(Credentials.longTerm(ACCESS_KEY_ID, SECRET, USER)))
            .identityPolicy(USER.arn(), IamPolicy.allowInvoke("*")))
        .restApi("petstore", api -> api
            .stage("prod")
            .route("POST /iam/pets/{id}", answeringFunction(), route -> route.authorizer(IamAuthorizer.NAME))
            .route("POST /any/pets/{id}", answeringFunction()))
        // far above the benchmark's rate: the bucket costs its token but never refuses
        .accountThrottle(UNLIMITED, (long) UNLIMITED)
        .build();
    SigV4Signer signer = SigV4Signer.executeApi(ACCESS_KEY_ID, SECRET, REGION);
    Instant now = Instant.now();
    signedRequest = signed(signer, SIGNED_PATH, now);
    plainRequest = signed(signer, PLAIN_PATH, now);
  }

  private static Integration answeringFunction() {
    return Integrations.asyncFunction(event -> CompletableFuture.completedFuture(Fixtures.RESPONSE_V1));
  }

  private static GatewayRequest signed(SigV4Signer signer, String rawPath, Instant now) {
    Map<String, String> headers = signer.sign("POST", Fixtures.HOST, rawPath + "?" + Fixtures.QUERY,
        Fixtures.REQUEST_BODY.getBytes(StandardCharsets.UTF_8), now);
    return Fixtures.request(rawPath, headers.get("Authorization"), null, headers.get("X-Amz-Date"));
  }

  @TearDown
  public void tearDown() {
    gateway.close();
  }

  @Benchmark
  public GatewayResponse iamSigned() {
    return gateway.handle(signedRequest).toCompletableFuture().join();
  }

  @Benchmark
  public GatewayResponse plainSameRoute() {
    return gateway.handle(plainRequest).toCompletableFuture().join();
  }
}
