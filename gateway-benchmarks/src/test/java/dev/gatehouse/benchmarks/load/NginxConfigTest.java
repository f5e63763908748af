package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NginxConfigTest {
  private static final String CONF = NginxConfig.render(Path.of("/tmp/gatehouse-nginx-1"),
      Path.of("/work/logs/09-nginx.log"), 40123, URI.create("http://127.0.0.1:40999"));

  @Test
  void runsInTheForegroundAsOneProcessThatIsTheWorker() {
    assertThat(CONF).contains("daemon off;\n", "master_process off;\n", "worker_processes 1;\n");
  }

  @Test
  void keepsEveryFileInTheCellsDirectoryAndLogsErrorsToTheCellsLog() {
    assertThat(CONF)
        .contains("pid \"/tmp/gatehouse-nginx-1/nginx.pid\";\n")
        .contains("error_log \"/work/logs/09-nginx.log\" notice;\n")
        .contains("  access_log off;\n")
        .contains("  client_body_temp_path \"/tmp/gatehouse-nginx-1/client_body\";\n")
        .contains("  proxy_temp_path \"/tmp/gatehouse-nginx-1/proxy\";\n")
        .contains("  fastcgi_temp_path \"/tmp/gatehouse-nginx-1/fastcgi\";\n")
        .contains("  uwsgi_temp_path \"/tmp/gatehouse-nginx-1/uwsgi\";\n")
        .contains("  scgi_temp_path \"/tmp/gatehouse-nginx-1/scgi\";\n")
        .doesNotContain("/var/");
  }

  @Test
  void proxiesTheStageToTheBackendOverKeptAliveConnections() {
    assertThat(CONF).contains("""
          upstream gatehouse_backend {
            server 127.0.0.1:40999;
            keepalive 64;
            keepalive_requests 1000000000;
          }
        """);
    assertThat(CONF).contains("""
            listen 127.0.0.1:40123;
        """);
    assertThat(CONF).contains("""
            location /prod/ {
              proxy_pass http://gatehouse_backend/;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
            }
        """);
    assertThat(CONF).contains("  keepalive_requests 1000000000;\n");
  }

  @Test
  void quotesPathsSoThatSpacesAndQuotesStayInOneArgument() {
    String conf = NginxConfig.render(Path.of("/tmp/a b"), Path.of("/logs/x\"y.log"), 1, URI.create("http://127.0.0.1:2"));

    assertThat(conf).contains("pid \"/tmp/a b/nginx.pid\";", "error_log \"/logs/x\\\"y.log\" notice;");
  }
}
