package dev.gatehouse.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void ipv4BlockContainsItsAddressesOnly() {
    Cidr office = Cidr.parse("192.0.2.0/24");
    assertThat(office.contains("192.0.2.0")).isTrue();
    assertThat(office.contains("192.0.2.255")).isTrue();
    assertThat(office.contains("192.0.3.0")).isFalse();
    assertThat(office.contains("2001:db8::1")).isFalse();
  }

  @Test
  void hostBitsOfTheNetworkAreIgnored() {
    assertThat(Cidr.parse("10.1.2.3/8").contains("10.200.0.1")).isTrue();
    assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
  }

  @Test
  void ipv6BlocksAndBareAddresses() {
    Cidr block = Cidr.parse("2001:db8::/32");
    assertThat(block.contains("2001:db8:ffff::1")).isTrue();
    assertThat(block.contains("2001:db9::1")).isFalse();
    assertThat(block.contains("[2001:db8::5]")).isTrue();
    assertThat(Cidr.parse("2001:db8::7").contains("2001:db8::7")).isTrue();
    assertThat(Cidr.parse("2001:db8::7").contains("2001:db8::8")).isFalse();
    assertThat(Cidr.parse("203.0.113.9").prefixLength()).isEqualTo(32);
  }

  @Test
  void prefixZeroContainsEveryAddressOfItsFamily() {
    assertThat(Cidr.parse("0.0.0.0/0").contains("198.51.100.1")).isTrue();
    assertThat(Cidr.parse("0.0.0.0/0").contains("::1")).isFalse();
    assertThat(Cidr.parse("::/0").contains("::1")).isTrue();
  }

  @Test
  void ipv4MappedIpv6CallersAreMatchedOnlyByIpv6Blocks() {
    assertThat(Cidr.parse("10.0.0.0/8").contains("::ffff:10.0.0.1")).isFalse();
    assertThat(Cidr.parse("::ffff:10.0.0.0/104").contains("::ffff:10.0.0.1")).isTrue();
  }

  @Test
  void malformedBlocksAreRefusedWithoutDnsLookups() {
    assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("localhost"))
        .withMessageContaining("\"localhost\"");
    assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("256.0.0.1/8"));
    assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/-1"));
    assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("2001:db8::/129"))
        .withMessageContaining("(expected: 0..128)");
    assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(""));
    assertThat(Cidr.address("example.com")).isNull();
    assertThat(Cidr.address("1.2.3")).isNull();
    assertThat(Cidr.parse("10.0.0.0/8").contains("not-an-ip")).isFalse();
  }

  @Test
  void anyContainsChecksEveryBlockAndRefusesUnreadableAddresses() {
    java.util.List<Cidr> blocks = java.util.List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8::/32"));
    assertThat(Cidr.anyContains(blocks, Cidr.address("2001:db8::9"))).isTrue();
    assertThat(Cidr.anyContains(blocks, Cidr.address("10.9.9.9"))).isTrue();
    assertThat(Cidr.anyContains(blocks, Cidr.address("192.0.2.1"))).isFalse();
    assertThat(Cidr.anyContains(blocks, Cidr.address("not-an-address"))).isFalse();
    assertThat(Cidr.anyContains(java.util.List.of(), Cidr.address("10.0.0.1"))).isFalse();
  }
}
