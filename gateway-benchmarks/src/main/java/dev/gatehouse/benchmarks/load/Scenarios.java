package dev.gatehouse.benchmarks.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.Gateway;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.log.AccessLogFormats;
import dev.gatehouse.runtime.metrics.MicrometerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The scenarios of the load benchmark. A new one (API key and throttle, JWT, cache hit, HTTP proxy,
 * WebSocket) is one more entry in {@link #ALL}: a name, a line, a gateway and a request; the
 * orchestrator measures it against its bare baseline on every server without further changes.
 */
public final class Scenarios {
  /** The stage of every scenario's API: the first segment of every request's path. */
  static final String STAGE = "prod";

  /** A demo value, not a secret: the key the {@code api-key-throttle} scenario's plan declares. */
  static final String API_KEY = "bench-demo-key-0123456789";

  /** A demo secret, not a secret: the HMAC key of the {@code jwt} scenario's authorizer. */
  private static final byte[] JWT_SECRET = "bench-demo-hmac-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final String JWT_ISSUER = "https://bench.example";
  /**
   * The token the {@code jwt} scenario sends: HS256, valid until 2100, the same bytes in the server
   * and the generator (HMAC signatures are deterministic).
   */
  static final String JWT = jwt();

  /**
   * Every scenario here sends this request unless it needs another one. It carries an API key and
   * a bearer token that only the {@code api-key-throttle} and {@code jwt} routes read: one request for
   * every scenario keeps them all against one bare baseline, which ignores both headers.
   */
  static final LoadRequest HELLO = LoadRequest.get("/" + STAGE + "/hello/" + TrivialAnswer.NAME)
      .header("x-api-key", API_KEY)
      .header("Authorization", "Bearer " + JWT);

  /** The {@code iam} scenario's account and region: demo values, as in AWS's own examples. */
  static final String IAM_ACCOUNT = "123456789012";
  static final String IAM_REGION = "eu-west-1";
  /** A demo key pair, not a secret: the only credentials the {@code iam} scenario's gateway knows. */
  static final String IAM_ACCESS_KEY_ID = "AKIDBENCHDEMO";
  private static final String IAM_SECRET = "bench-demo-sigv4-secret-not-for-production";
  private static final IamPrincipal IAM_USER = IamPrincipal.of("arn:aws:iam::" + IAM_ACCOUNT + ":user/bench",
      "AIDABENCHDEMO");
  private static final SigV4Signer IAM_SIGNER = SigV4Signer.executeApi(IAM_ACCESS_KEY_ID, IAM_SECRET, IAM_REGION);

  /**
   * The {@code iam} scenario's request: {@link #HELLO}'s path with {@code X-Amz-Date} and a SigV4
   * {@code Authorization}, signed when the generator builds it for the server's host (once per
   * phase) and then replayed, as AWS allows within its 5 minutes: the gateway verifies every copy,
   * the generator signs none of them.
   */
  static final LoadRequest SIGNED_HELLO = LoadRequest.get(HELLO.path()).signedBy(new LoadRequest.Signer() {
    @Override
    public Map<String, String> sign(LoadRequest request, String host, Instant now) {
      return IAM_SIGNER.sign(request.method(), host, request.path(), request.body().getBytes(StandardCharsets.UTF_8),
          now);
    }

    @Override
    public String label() {
      return "SigV4(X-Amz-Date,Authorization)";
    }
  });

  /**
   * Far above what one machine serves: the account bucket costs every scenario its token, as it
   * costs every gateway, but never refuses. AWS's default of 10,000 per second would throttle the
   * load benchmark itself.
   */
  private static final double NEVER_REFUSING = 1e9;

  private static final List<Scenario> ALL = List.of(
      new Scenario("function",
          "REST API, stage prod, GET /prod/hello/{name} -> async function answering 200 {\"hello\":name}",
          Scenario.Backend.NONE,
          backend -> hello(asyncHello()),
          HELLO),
      new Scenario("function-blocking",
          "the same with a blocking function (Integrations.function) on the default handler executor",
          Scenario.Backend.NONE,
          backend -> hello(Integrations.function(Scenarios::answer)),
          HELLO),
      new Scenario("mock",
          "the same route with a fixed mock answer (Integrations.mock)",
          Scenario.Backend.NONE,
          backend -> hello(Integrations.mock(TrivialAnswer.STATUS, TrivialAnswer.BODY)),
          HELLO),
      new Scenario("api-key-throttle",
          "the function route with apiKeyRequired(): x-api-key checked, then the usage plan's bucket for the key,"
              + " the stage's bucket and the account bucket (none ever empty)",
          Scenario.Backend.NONE,
          backend -> Gateway.builder()
              .restApi("bench", api -> api
                  .stage(STAGE, stage -> stage.throttle(NEVER_REFUSING, (long) NEVER_REFUSING))
                  .route("GET /hello/{name}", asyncHello(), route -> route.apiKeyRequired()))
              .usagePlan("bench", plan -> plan.stage("bench", STAGE)
                  .throttle(NEVER_REFUSING, (long) NEVER_REFUSING)
                  .apiKey("bench", API_KEY))
              .accountThrottle(NEVER_REFUSING, (long) NEVER_REFUSING)
              .build(),
          HELLO,
          "function"),
      new Scenario("jwt",
          "the function route behind a JWT authorizer (HS256, iss and aud checked); the client repeats its token,"
              + " so after the first request the verified-token cache answers",
          Scenario.Backend.NONE,
          backend -> Gateway.builder()
              .restApi("bench", api -> api
                  .stage(STAGE)
                  .authorizer(Authorizers.jwt("bench").issuer(JWT_ISSUER).audience("bench").hmacSecret(JWT_SECRET))
                  .route("GET /hello/{name}", asyncHello(), route -> route.authorizer("bench")))
              .accountThrottle(NEVER_REFUSING, (long) NEVER_REFUSING)
              .build(),
          HELLO,
          "function"),
      new Scenario("observed",
          "the function route with observers on: AWS's JSON access log format (rendered and queued; the sink"
              + " discards the lines) and Micrometer metrics with detailed dimensions (SimpleMeterRegistry)",
          Scenario.Backend.NONE,
          backend -> Gateway.builder()
              .metrics(MicrometerMetrics.of(new SimpleMeterRegistry()))
              .restApi("bench", api -> api
                  .stage(STAGE, stage -> stage
                      .detailedMetrics()
                      .accessLog(log -> log.format(AccessLogFormats.JSON).sink((apiName, stageName, line) -> { })))
                  .route("GET /hello/{name}", asyncHello()))
              .accountThrottle(NEVER_REFUSING, (long) NEVER_REFUSING)
              .build(),
          HELLO,
          "function"),
      new Scenario("cache-hit",
          "the function route in a stage with a response cache (TTL 1 h): the first request calls the function and"
              + " stores its answer, every later one is a cache hit answered from the in-process store",
          Scenario.Backend.NONE,
          backend -> Gateway.builder()
              .restApi("bench", api -> api
                  // longer than any cell: each cell's server starts empty, so only its first request misses
                  .stage(STAGE, stage -> stage.cache(cache -> cache.ttl(Duration.ofHours(1))))
                  .route("GET /hello/{name}", asyncHello()))
              .accountThrottle(NEVER_REFUSING, (long) NEVER_REFUSING)
              .build(),
          HELLO,
          "function"),
      new Scenario("iam",
          "the function route behind AWS_IAM: the request's SigV4 signature (host;x-amz-date) verified against an"
              + " in-memory key, then the signer's identity policy (allow execute-api:Invoke on *) decided; the"
              + " client replays one signature, so this is the verifier's cost, not the signer's",
          Scenario.Backend.NONE,
          backend -> Gateway.builder()
              .iam(IamSettings.builder()
                  .region(IAM_REGION)
                  .accountId(IAM_ACCOUNT)
                  .credentials(InMemoryCredentials.of(Credentials.longTerm(IAM_ACCESS_KEY_ID, IAM_SECRET, IAM_USER)))
                  .identityPolicy(IAM_USER.arn(), IamPolicy.allowInvoke("*")))
              .restApi("bench", api -> api
                  .stage(STAGE)
                  .route("GET /hello/{name}", asyncHello(), route -> route.authorizer(IamAuthorizer.NAME)))
              .accountThrottle(NEVER_REFUSING, (long) NEVER_REFUSING)
              .build(),
          SIGNED_HELLO,
          "function"),
      new Scenario("http-proxy",
          "REST API, GET /prod/hello/{name} -> HTTP proxy (Integrations.http) to a bare JDK server as backend, on"
              + " the default client (Jetty's HttpClient); against the bare cell: the backend called directly",
          Scenario.Backend.HTTP,
          backend -> proxy(backend, "jetty"),
          HELLO),
      new Scenario("http-proxy-jdk-client",
          "the same HTTP proxy on the JDK's HttpClient (-Dgatehouse.http.client=jdk)",
          Scenario.Backend.HTTP,
          backend -> proxy(backend, "jdk"),
          HELLO,
          "http-proxy"));

  private Scenarios() {}

  /** The HTTP proxy scenarios' gateway, on the named backend client. */
  private static Gateway proxy(URI backend, String client) {
    // read when the gateway starts: one server process runs one scenario
    System.setProperty("gatehouse.http.client", client);
    return hello(Integrations.http(backend + "/hello/{name}"));
  }

  /** Every scenario, in the order the orchestrator runs them. */
  public static List<Scenario> all() {
    return ALL;
  }

  /**
   * The scenario called {@code name}.
   *
   * @throws IllegalArgumentException naming the known scenarios if there is none
   */
  public static Scenario named(String name) {
    List<String> names = new ArrayList<>();
    for (Scenario scenario : ALL) {
      if (scenario.name().equals(name)) {
        return scenario;
      }
      names.add(scenario.name());
    }
    throw new IllegalArgumentException("scenario: \"" + name + "\" (expected: one of " + names + ")");
  }

  /** The REST API of the hello scenarios: stage {@code prod}, one route to {@code integration}. */
  private static Gateway hello(Integration integration) {
    return Gateway.builder()
        .restApi("bench", api -> api
            .stage(STAGE)
            .route("GET /hello/{name}", integration))
        .accountThrottle(NEVER_REFUSING, (long) NEVER_REFUSING)
        .build();
  }

  /** The function of the hello scenarios: answers at once, on the request's thread. */
  private static Integration asyncHello() {
    return Integrations.asyncFunction(event -> CompletableFuture.completedFuture(answer(event)));
  }

  private static String jwt() {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
          .issuer(JWT_ISSUER)
          .audience("bench")
          .subject("bench-user")
          .issueTime(Date.from(Instant.parse("2026-01-01T00:00:00Z")))
          .expirationTime(Date.from(Instant.parse("2100-01-01T00:00:00Z")))
          .build());
      jwt.sign(new MACSigner(JWT_SECRET));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("signing the benchmark's token", e);
    }
  }

  private static ProxyResponseV1 answer(ProxyEventV1 event) {
    return ProxyResponseV1.of(TrivialAnswer.STATUS, TrivialAnswer.body(event.pathParameters().get("name")));
  }
}
