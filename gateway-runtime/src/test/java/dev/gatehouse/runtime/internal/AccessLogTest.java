package dev.gatehouse.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.GatewayResponse;
import org.junit.jupiter.api.Test;

class AccessLogTest {

  @Test
  void lengthIsTheBufferedSizeTheDeclaredStreamLengthOrDash() {
    assertThat(AccessLog.length(GatewayResponse.builder(200).body("hello").build())).isEqualTo(5L);
    assertThat(AccessLog.length(GatewayResponse.builder(200).body(subscriber -> { }, 8192).build())).isEqualTo(8192L);
    assertThat(AccessLog.length(GatewayResponse.builder(200).body(subscriber -> { }, -1).build())).isEqualTo("-");
  }
}
