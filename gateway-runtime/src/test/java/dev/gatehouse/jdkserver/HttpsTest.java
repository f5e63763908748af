package dev.gatehouse.jdkserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.TlsInfo;
import dev.gatehouse.testing.RecordingGateway;
import dev.gatehouse.testing.TlsKeyStore;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests over a real {@code HttpsServer}: the TLS facts the gateway is handed. */
class HttpsTest {
  @TempDir
  static Path keys;

  private static TlsKeyStore keyStore;

  private final RecordingGateway gateway = new RecordingGateway();
  private TestServer server;

  @BeforeAll
  static void generateCertificate() throws Exception {
    keyStore = TlsKeyStore.create(keys);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Asks for a client certificate without requiring one, as an API with optional mutual TLS does. */
  private static HttpsConfigurator wantingClientCertificates(SSLContext context) {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
        parameters.setWantClientAuth(true);
        params.setSSLParameters(parameters);
      }
    };
  }

  private HttpResponse<String> get(SSLContext clientContext, String path) throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(clientContext)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void requestOverTlsCarriesProtocolAndCipherSuiteAndSchemeHttps() throws Exception {
    server = TestServer.https("/api", gateway, new HttpsConfigurator(keyStore.identifiedContext()));

    assertThat(get(keyStore.anonymousContext(), "/api/prod/pets?x=1").statusCode()).isEqualTo(200);

    GatewayRequest request = gateway.takeRequest();
    assertThat(request.scheme()).isEqualTo("https");
    assertThat(request.rawPath()).isEqualTo("/prod/pets");
    assertThat(request.rawQuery()).isEqualTo("x=1");
    TlsInfo tls = request.tls();
    assertThat(tls).isNotNull();
    assertThat(tls.protocol()).startsWith("TLSv1.");
    assertThat(tls.cipherSuite()).startsWith("TLS_");
    assertThat(tls.clientCertificates()).isEmpty();
  }

  @Test
  void clientWithoutCertificateHasAnEmptyChainWhereOneIsOptional() throws Exception {
    server = TestServer.https("/", gateway, wantingClientCertificates(keyStore.identifiedContext()));

    assertThat(get(keyStore.anonymousContext(), "/prod").statusCode()).isEqualTo(200);

    assertThat(gateway.takeRequest().tls().clientCertificates()).isEmpty();
  }

  @Test
  void verifiedClientCertificateChainIsPassedLeafFirst() throws Exception {
    server = TestServer.https("/", gateway, wantingClientCertificates(keyStore.identifiedContext()));

    assertThat(get(keyStore.identifiedContext(), "/prod").statusCode()).isEqualTo(200);

    TlsInfo tls = gateway.takeRequest().tls();
    assertThat(tls.clientCertificates()).containsExactly(keyStore.certificate());
    assertThat(tls.clientCertificates().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
  }
}
