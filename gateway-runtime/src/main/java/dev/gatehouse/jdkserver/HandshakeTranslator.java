package dev.gatehouse.jdkserver;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import java.net.InetSocketAddress;
import java.util.Iterator;
import org.java_websocket.handshake.ClientHandshake;

/** Turns a WebSocket opening handshake, as Java-WebSocket parsed it, into a {@link GatewayRequest}. */
final class HandshakeTranslator {
  private final String mountPath;

  HandshakeTranslator(String mountPath) {
    this.mountPath = mountPath;
  }

  /**
   * The upgrade request: {@code GET}, the raw path after the mount, the raw query, every header
   * and the client's IP; or {@code null} when the path is not at or below the mount. Java-WebSocket
   * keeps one value per header name, case-insensitively, and joins a repeated field's values with
   * {@code "; "}: the gateway sees them so. An HTTP/1.1 request without a Host field is marked
   * refused ({@code BAD_REQUEST}), as the JDK adapter marks it.
   */
  GatewayRequest translate(ClientHandshake handshake, InetSocketAddress remote) {
    String target = handshake.getResourceDescriptor();
    int question = target.indexOf('?');
    String rawPath = ExchangeTranslator.pathAfterMount(question < 0 ? target : target.substring(0, question),
        mountPath);
    if (rawPath == null) {
      return null;
    }
    GatewayRequest.Builder builder = GatewayRequest.builder("GET", rawPath)
        .rawQuery(question < 0 ? null : target.substring(question + 1))
        .mountPath(mountPath)
        .protocol("HTTP/1.1")
        .sourceIp(sourceIp(remote));
    for (Iterator<String> names = handshake.iterateHttpFields(); names.hasNext(); ) {
      String name = names.next();
      builder.header(name, handshake.getFieldValue(name));
    }
    if (!handshake.hasFieldValue("Host")) {
      builder.refusal(GatewayResponseType.BAD_REQUEST);
    }
    return builder.build();
  }

  /**
   * The answer the transport gives by itself, without the gateway: a JSON {@code message} and
   * {@code x-amzn-ErrorType}, as the gateway's own responses have them.
   */
  static GatewayResponse plain(GatewayResponseType type) {
    return GatewayResponse.builder(type.defaultStatus())
        .header("Content-Type", "application/json")
        .header("x-amzn-ErrorType", type.errorType())
        .body("{\"message\":\"" + type.defaultMessage() + "\"}")
        .build();
  }

  static String sourceIp(InetSocketAddress remote) {
    if (remote == null || remote.getAddress() == null) {
      return remote == null ? "" : remote.getHostString();
    }
    return remote.getAddress().getHostAddress();
  }
}
