package dev.gatehouse.runtime.internal;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.iam.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's source IP: the peer's address, unless the peer is a trusted proxy, in which case
 * {@code X-Forwarded-For} is read from the right, past every trusted proxy, to the first address
 * that is not one. The right-to-left walk matters: the left part of the header is whatever the
 * client wrote, so only entries that trusted proxies appended are believed. A malformed entry ends
 * the walk at the last address known good.
 */
public final class SourceIps {
  private static final String FORWARDED_FOR = "X-Forwarded-For";

  private SourceIps() {}

  /** The source IP of {@code request} given the gateway's trusted proxies. */
  public static String of(GatewayRequest request, List<Cidr> trustedProxies) {
    String peer = request.sourceIp();
    if (trustedProxies.isEmpty() || !trusted(peer, trustedProxies)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String field : request.headers().all(FORWARDED_FOR)) {
      for (String hop : field.split(",")) {
        hops.add(hop.trim());
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (Cidr.address(hop) == null) {
        return client;
      }
      client = hop;
      if (!trusted(hop, trustedProxies)) {
        return hop;
      }
    }
    return client;
  }

  private static boolean trusted(String address, List<Cidr> trustedProxies) {
    return Cidr.anyContains(trustedProxies, Cidr.address(address));
  }
}
