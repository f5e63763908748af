package dev.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import dev.gatehouse.jdkserver.JdkWebSocketServer;
import dev.gatehouse.testing.WsClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's chat example is this class, and it behaves as its comments say, with real clients. */
class ChatExampleTest {
  private final ChatRoom room = new ChatRoom();
  private Gateway gateway;
  private HttpServer http;
  private JdkWebSocketServer webSockets;

  @BeforeEach
  void start() throws Exception {
    gateway = ChatExample.chat(room);
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    JdkHttpServerAdapter.mount(http, "/", gateway);
    http.start();
    webSockets = JdkWebSocketServer.start(new InetSocketAddress("127.0.0.1", 0), "/", gateway);
  }

  @AfterEach
  void stop() {
    webSockets.close();
    http.stop(0);
    gateway.close();
  }

  private URI chat(String query) {
    return URI.create("ws://127.0.0.1:" + webSockets.port() + "/chat" + query);
  }

  @Test
  void readmeShowsThisClass() throws Exception {
    assertThat(Readme.exampleWithoutPackage("ChatExample"))
        .isEqualTo(Readme.javaBlockAfter("## WebSocket APIs"));
  }

  @Test
  void connectWithoutANameIsRefusedWith400() throws Exception {
    HttpResponse<?> refusal = WsClient.refusal(chat(""), Map.of());

    assertThat(refusal.statusCode()).isEqualTo(400);
  }

  @Test
  void sendMessageReachesEveryMember() throws Exception {
    try (WsClient ann = WsClient.connect(chat("?name=ann")); WsClient bob = WsClient.connect(chat("?name=bob"))) {
      awaitMembers(2);

      ann.send("{\"action\":\"sendMessage\",\"text\":\"hi\"}");

      assertThat(bob.nextText()).isEqualTo("{\"from\":\"ann\",\"text\":\"hi\"}");
      // the broadcast and the route's own answer may arrive in either order
      assertThat(List.of(ann.nextText(), ann.nextText()))
          .containsExactlyInAnyOrder("{\"from\":\"ann\",\"text\":\"hi\"}", "{\"delivered\":2}");
    }
  }

  @Test
  void otherMessagesGetTheDefaultRoutesHint() throws Exception {
    try (WsClient ann = WsClient.connect(chat("?name=ann"))) {
      ann.send("hello?");

      assertThat(ann.nextText()).isEqualTo("{\"message\":\"send {\\\"action\\\":\\\"sendMessage\\\",\\\"text\\\":\\\"...\\\"}\"}");
    }
  }

  @Test
  void adminPostsOverHttpAndGets410OnceTheClientLeft() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String id;
    URI url;
    try (WsClient ann = WsClient.connect(chat("?name=ann"))) {
      awaitMembers(1);
      id = room.members().keySet().iterator().next();
      url = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/chat/@connections/" + id);

      HttpResponse<String> post = client.send(HttpRequest.newBuilder(url).header("x-admin-token", "demo-admin-token")
          .POST(HttpRequest.BodyPublishers.ofString("{\"notice\":\"maintenance at noon\"}")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(post.statusCode()).isEqualTo(200);
      assertThat(ann.nextText()).isEqualTo("{\"notice\":\"maintenance at noon\"}");
      ann.close(1000, "bye");
    }
    awaitMembers(0);

    HttpResponse<String> gone = client.send(HttpRequest.newBuilder(url).header("x-admin-token", "demo-admin-token")
        .POST(HttpRequest.BodyPublishers.ofString("late")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(gone.statusCode()).isEqualTo(410);
  }

  /** $connect and $disconnect run on the handler executor: wait for them, bounded. */
  private void awaitMembers(int count) throws InterruptedException {
    for (int i = 0; i < 200 && room.members().size() != count; i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(room.members()).hasSize(count);
  }
}
