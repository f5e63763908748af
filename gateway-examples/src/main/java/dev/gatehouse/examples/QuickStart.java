package dev.gatehouse.examples;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;

public final class QuickStart {
  public static Gateway petstore() {
    return Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.variable("owner", "Ada"))
            .route("GET /pets/{id}", Integrations.function(event ->
                ProxyResponseV1.of(200, "{\"id\":\"" + event.pathParameters().get("id") + "\"}")))
            .route("GET /ping", Integrations.mock(200, "{\"ok\":true}"))
            .route("ANY /legacy/{proxy+}", Integrations.function(event ->
                ProxyResponseV1.of(200, "{\"proxy\":\"" + event.pathParameters().get("proxy") + "\"}")),
                route -> route.timeout(Duration.ofSeconds(90))))
        .build();
  }

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    JdkHttpServerAdapter.mount(server, "/", petstore());
    server.start();
    // curl http://127.0.0.1:8080/prod/pets/7  ->  {"id":"7"}
  }
}
