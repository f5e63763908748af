package dev.gatehouse.jdkserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.testing.RecordingGateway;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JdkHttpServerAdapter#mount} arguments and the recommended system properties. */
class JdkHttpServerAdapterTest {
  private static final String EXPECTED_PATH = "(expected: \"/\", or \"/\" followed by segments of letters, digits "
      + "and -._~!$&'()*+,;=:@ separated by single \"/\", without a trailing \"/\", such as \"/api\")";

  private final RecordingGateway gateway = new RecordingGateway();
  private HttpServer server;

  @BeforeEach
  void create() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void mount_root() {
    HttpContext context = JdkHttpServerAdapter.mount(server, "/", gateway);

    assertThat(context.getPath()).isEqualTo("/");
    assertThat(JdkHttpServerAdapter.mountPath("/")).isEmpty();
  }

  @Test
  void mount_nestedPath() {
    HttpContext context = JdkHttpServerAdapter.mount(server, "/v1/api", gateway);

    assertThat(context.getPath()).isEqualTo("/v1/api");
    assertThat(JdkHttpServerAdapter.mountPath("/v1/api")).isEqualTo("/v1/api");
  }

  @Test
  void mount_pathWithoutLeadingSlash() {
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(server, "api", gateway))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path: \"api\" " + EXPECTED_PATH);
  }

  @Test
  void mount_pathWithTrailingSlash() {
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(server, "/api/", gateway))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path: \"/api/\" " + EXPECTED_PATH);
  }

  @Test
  void mount_pathNeedingPercentEncoding() {
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(server, "/my api", gateway))
        .hasMessage("path: \"/my api\" " + EXPECTED_PATH);
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(server, "/%61pi", gateway))
        .hasMessage("path: \"/%61pi\" " + EXPECTED_PATH);
  }

  @Test
  void mount_pathWithEmptyOrDotSegments() {
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(server, "/a//b", gateway))
        .hasMessage("path: \"/a//b\" " + EXPECTED_PATH);
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(server, "/a/../b", gateway))
        .hasMessage("path: \"/a/../b\" " + EXPECTED_PATH);
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(server, "/.", gateway))
        .hasMessage("path: \"/.\" " + EXPECTED_PATH);
  }

  @Test
  void mount_emptyPath() {
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(server, "", gateway))
        .hasMessage("path: \"\" " + EXPECTED_PATH);
  }

  @Test
  void mount_nullArguments() {
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(null, "/", gateway)).hasMessage("server");
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(server, null, gateway)).hasMessage("path");
    assertThatThrownBy(() -> JdkHttpServerAdapter.mount(server, "/", null)).hasMessage("gateway");
  }

  @Test
  void recommendedSystemProperties_valuesAndOrder() {
    assertThat(JdkHttpServerAdapter.recommendedSystemProperties()).containsExactly(
        org.assertj.core.api.Assertions.entry("sun.net.httpserver.nodelay", "true"),
        org.assertj.core.api.Assertions.entry("sun.net.httpserver.maxReqTime", "30"),
        org.assertj.core.api.Assertions.entry("sun.net.httpserver.maxRspTime", "60"));
  }

  @Test
  void recommendedSystemProperties_unmodifiable() {
    assertThatThrownBy(() -> JdkHttpServerAdapter.recommendedSystemProperties().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unsetRecommendedProperties_listsOnlyTheMissingOnes() {
    Properties properties = new Properties();
    properties.setProperty("sun.net.httpserver.nodelay", "true");

    assertThat(JdkHttpServerAdapter.unsetRecommendedProperties(properties)).containsExactly(
        "-Dsun.net.httpserver.maxReqTime=30", "-Dsun.net.httpserver.maxRspTime=60");
  }

  @Test
  void unsetRecommendedProperties_noneWhenAllSet() {
    Properties properties = new Properties();
    JdkHttpServerAdapter.recommendedSystemProperties().forEach(properties::setProperty);

    assertThat(JdkHttpServerAdapter.unsetRecommendedProperties(properties)).isEmpty();
  }
}
