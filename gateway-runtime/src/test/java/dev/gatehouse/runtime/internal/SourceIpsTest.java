package dev.gatehouse.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.iam.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceIpsTest {
  private static final List<Cidr> PROXIES = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8"));

  private static GatewayRequest from(String peer, String... forwardedFor) {
    GatewayRequest.Builder request = GatewayRequest.builder("GET", "/prod/pets").sourceIp(peer);
    for (String field : forwardedFor) {
      request.header("X-Forwarded-For", field);
    }
    return request.build();
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertThat(SourceIps.of(from("198.51.100.7", "192.0.2.1"), List.of())).isEqualTo("198.51.100.7");
  }

  @Test
  void aClientThatIsNoTrustedProxyCannotSpoofItsAddress() {
    assertThat(SourceIps.of(from("198.51.100.7", "192.0.2.1"), PROXIES)).isEqualTo("198.51.100.7");
  }

  @Test
  void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
    assertThat(SourceIps.of(from("10.0.0.2", "203.0.113.9, 198.51.100.7"), PROXIES)).isEqualTo("198.51.100.7");
    assertThat(SourceIps.of(from("10.0.0.2", "198.51.100.7, 10.1.1.1"), PROXIES)).isEqualTo("198.51.100.7");
    assertThat(SourceIps.of(from("fd00::1", "2001:db8::5"), PROXIES)).isEqualTo("2001:db8::5");
  }

  @Test
  void severalHeaderFieldsAreReadAsOneList() {
    assertThat(SourceIps.of(from("10.0.0.2", "203.0.113.9", "198.51.100.7, 10.0.0.9"), PROXIES))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void aMalformedHopEndsTheWalkAtTheLastGoodAddress() {
    assertThat(SourceIps.of(from("10.0.0.2", "192.0.2.1, evil\r\nX-Injected: 1"), PROXIES)).isEqualTo("10.0.0.2");
    assertThat(SourceIps.of(from("10.0.0.2", "unknown, 10.0.0.3"), PROXIES)).isEqualTo("10.0.0.3");
  }

  @Test
  void onlyTrustedHopsLeaveTheLeftmost() {
    assertThat(SourceIps.of(from("10.0.0.2", "10.0.0.5, 10.0.0.4"), PROXIES)).isEqualTo("10.0.0.5");
    assertThat(SourceIps.of(from("10.0.0.2"), PROXIES)).isEqualTo("10.0.0.2");
  }
}
