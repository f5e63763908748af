package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx as the reference proxy, against a bare JDK backend in this JVM. Skipped where nginx is not
 * installed (CI does not install it): the load benchmark then runs without its reference cell.
 */
class NginxProcessTest {

  @Test
  void nginxProxiesTheTrivialAnswerAndItsPidIsTheProcessDoingTheWork(@TempDir Path logs) throws Exception {
    Optional<Path> nginx = NginxProcess.find();
    assumeTrue(nginx.isPresent(), "nginx not installed (apt-get install nginx-light)");
    Path log = logs.resolve("nginx.log");
    Path dir;
    long pid;
    try (RunningServer backend = JdkServers.start(null, 2);
        NginxProcess proxy = NginxProcess.start(nginx.get(), URI.create("http://127.0.0.1:" + backend.port()),
            Taskset.none(), log)) {
      dir = proxy.directory();
      pid = proxy.pid();
      HttpRequest.Builder request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + proxy.port() + Scenarios.HELLO.path())).timeout(Duration.ofSeconds(10));
      Scenarios.HELLO.headers().forEach(request::header);

      HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(TrivialAnswer.STATUS);
      assertThat(response.body()).isEqualTo(TrivialAnswer.BODY);
      assertThat(response.headers().firstValue("content-type")).hasValue(TrivialAnswer.CONTENT_TYPE);
      assertThat(response.headers().firstValue("server")).hasValueSatisfying(server -> assertThat(server).startsWith("nginx"));
      assertThat(ProcessHandle.of(pid).orElseThrow().children()).isEmpty();
      assertThat(cpuGrowsUnderLoad(proxy)).as("CPU ticks of pid " + pid + " grow while it proxies").isTrue();
      assertThat(ProcStat.readCompilers(pid)).isEqualTo(new ProcStat(0, 0));
    }
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(dir).doesNotExist();
    // The worker is the process itself: nginx logs "pid#tid" with pid the one measured.
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains(" " + pid + "#" + pid + ": ");
  }

  /** Keep-alive requests until the pid's CPU ticks move, for at most 10 s: the ticks are 10 ms. */
  private static boolean cpuGrowsUnderLoad(NginxProcess proxy) throws Exception {
    InetSocketAddress target = new InetSocketAddress("127.0.0.1", proxy.port());
    byte[] request = Scenarios.HELLO.toHttp11("127.0.0.1:" + proxy.port());
    long before = ProcStat.read(proxy.pid()).totalTicks();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try (RawHttpConnection connection = new RawHttpConnection(target, 5_000)) {
      while (System.nanoTime() < deadline) {
        for (int i = 0; i < 200; i++) {
          assertThat(connection.exchange(request, Scenarios.HELLO.method())).isEqualTo(TrivialAnswer.STATUS);
        }
        if (ProcStat.read(proxy.pid()).totalTicks() > before) {
          return true;
        }
      }
    }
    return false;
  }
}
