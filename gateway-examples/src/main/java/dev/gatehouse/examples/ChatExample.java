package dev.gatehouse.examples;

import dev.gatehouse.Gateway;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;

public final class ChatExample {
  public static Gateway chat(ChatRoom room) {
    Gateway gateway = Gateway.builder()
        .webSocketApi("chat", ws -> ws
            .stage("chat")
            .routeSelectionExpression("$request.body.action")
            .idleTimeout(Duration.ofMinutes(30))                       // AWS: 10 minutes, fixed
            .messageThrottle(5, 10)                                    // per connection
            .connectionsEndpoint(request -> "demo-admin-token".equals(request.headers().first("x-admin-token")))
            .route("$connect", Integrations.webSocketFunction(room::connect))
            .route("$disconnect", Integrations.webSocketFunction(room::disconnect))
            .route("sendMessage", Integrations.webSocketFunction(room::sendMessage), route -> route.routeResponse())
            .route("$default", Integrations.mock(200, "{\"message\":\"send {\\\"action\\\":\\\"sendMessage\\\",\\\"text\\\":\\\"...\\\"}\"}"),
                route -> route.routeResponse()))
        .build();
    room.attach(gateway.connections("chat", "chat"));
    return gateway;
    // ws://host/chat?name=ann                        -> $connect: 400 without a name, else connected
    // {"action":"sendMessage","text":"hi"}           -> every member gets {"from":"ann","text":"hi"}
    // POST /chat/@connections/{id} (x-admin-token)    -> 200, the body goes to that client; 410 once it left
  }
}
