package dev.gatehouse.runtime.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.testing.ManualClock;
import dev.gatehouse.testing.RawHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of AWS's SigV4 test suite sent as its signed request, byte for byte, to a gateway on a
 * real JDK server whose clock, region, service and key are the suite's: a signed request the
 * server can carry is admitted (200); nothing else about it is faked.
 *
 * <p>Some cases are answered otherwise, each for a reason of the wire, not of the verifier (which
 * {@link SigV4TestSuiteTest} checks step by step on all of them):
 * <ul>
 *   <li>{@link #UNNORMALIZED}: the suite signs the raw path without removing dot segments or
 *       doubled slashes; execute-api verifies the normalized path, as the gateway does, so these
 *       signatures do not match: 403 {@code InvalidSignatureException}.
 *   <li>{@link #TOKEN_ADDED_AFTER_SIGNING}: the query form of {@code post-sts-header-after} carries a
 *       session token in the query that its signature does not cover; in a query, every parameter
 *       is signed, so the signature does not match: 403.
 *   <li>{@link #NOT_ON_THE_WIRE} are skipped: their request lines hold a space or raw UTF-8 bytes
 *       in the target, which HTTP/1.1 does not allow (RFC 9112 3.2, RFC 3986 2.1), and the request
 *       {@code GET // HTTP/1.1}, which the JDK's {@code URI} cannot parse: the JDK server answers
 *       400 or misreads them before any gateway code runs.
 * </ul>
 */
class SigV4TestSuiteThroughServerTest {
  private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
  private static final IamPrincipal PRINCIPAL =
      IamPrincipal.of("arn:aws:iam::123456789012:user/suite", "AIDASUITE");

  static final List<String> UNNORMALIZED = List.of("get-relative-relative-unnormalized",
      "get-relative-unnormalized", "get-slash-dot-slash-unnormalized", "get-slash-pointless-dot-unnormalized",
      "get-slash-unnormalized", "get-slashes-unnormalized");
  static final List<String> NOT_ON_THE_WIRE = List.of("get-space-normalized", "get-space-unnormalized",
      "get-utf8", "get-vanilla-utf8-query", "get-slash-normalized", "get-slash-unnormalized");
  static final String TOKEN_ADDED_AFTER_SIGNING = "post-sts-header-after";

  static List<String> cases() throws IOException {
    return SigV4Suites.v4Cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void authorizationHeader(String name) throws Exception {
    send(name, "header-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void presignedQuery(String name) throws Exception {
    send(name, "query-");
  }

  private static void send(String name, String form) throws Exception {
    SigV4Suites.assumePresent(SigV4Suites.V4);
    assumeTrue(!NOT_ON_THE_WIRE.contains(name), name + " cannot be sent as HTTP/1.1 as it is written");
    Path dir = SigV4Suites.V4.resolve(name);
    JsonNode context = new ObjectMapper().readTree(dir.resolve("context.json").toFile());
    String token = context.at("/credentials/token").asText(null);
    Credentials credentials = new Credentials(context.at("/credentials/access_key_id").asText(),
        context.at("/credentials/secret_access_key").asText(), PRINCIPAL, token, null);
    Gateway gateway = new RuntimeEngine(new ManualClock(SIGNED_AT)).start(Gateway.builder()
        .iam(IamSettings.builder()
            .region(context.get("region").asText())
            .service(context.get("service").asText())
            .accountId("123456789012")
            .credentials(InMemoryCredentials.of(credentials))
            .identityPolicy(PRINCIPAL.arn(), IamPolicy.allowInvoke("*")))
        .httpApi("suite", api -> api
            .defaultAuthorizer(IamAuthorizer.NAME)
            .route("ANY /", Integrations.mock(200))
            .route("ANY /{proxy+}", Integrations.mock(200)))
        .definition());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    JdkHttpServerAdapter.mount(server, "/", gateway);
    server.start();
    try {
      RawHttp.Response response = RawHttp.exchange(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
          head(dir.resolve(form + "signed-request.txt")), body(dir.resolve(form + "signed-request.txt")));
      if (UNNORMALIZED.contains(name) || form.equals("query-") && name.equals(TOKEN_ADDED_AFTER_SIGNING)) {
        assertThat(response.status()).as(response.bodyAsString()).isEqualTo(403);
        assertThat(response.header("x-amzn-ErrorType")).isEqualTo("InvalidSignatureException");
      } else {
        assertThat(response.status()).as(response.bodyAsString()).isEqualTo(200);
      }
    } finally {
      server.stop(0);
      gateway.close();
    }
  }

  /**
   * The file's head as sent on the wire (ISO-8859-1 characters standing for its bytes): CRLF line
   * ends, {@code Connection: close} so the answer ends with the connection.
   */
  private static String head(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = headEnd(bytes);
    String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).replaceAll("\n+$", "");
    return head.replace("\n", "\r\n") + "\r\nConnection: close\r\n\r\n";
  }

  private static byte[] body(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = headEnd(bytes);
    byte[] body = end + 2 <= bytes.length ? Arrays.copyOfRange(bytes, end + 2, bytes.length) : new byte[0];
    return new String(body, StandardCharsets.ISO_8859_1).strip().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static int headEnd(byte[] bytes) {
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }
}
