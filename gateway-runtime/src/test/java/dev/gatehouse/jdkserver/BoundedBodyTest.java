package dev.gatehouse.jdkserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Reading a request body of unknown or declared length within the payload limit. */
class BoundedBodyTest {

  /** An endless body that counts what was taken from it. */
  private static final class EndlessBody extends InputStream {
    long consumed;

    @Override
    public int read() {
      consumed++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      // Short reads, as from a socket, so the reader's loop is exercised.
      int n = Math.min(len, 1000);
      consumed += n;
      return n;
    }
  }

  private static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  @Test
  void endlessBodyIsAbandonedOneByteAfterTheLimit() throws IOException {
    EndlessBody body = new EndlessBody();

    assertThat(ExchangeTranslator.BoundedBody.read(body, 100_000)).isNull();
    assertThat(body.consumed).isEqualTo(100_001);
  }

  @Test
  void bodyExactlyAtTheLimitIsKept() throws IOException {
    assertThat(ExchangeTranslator.BoundedBody.read(new ByteArrayInputStream(bytes(20_000)), 20_000))
        .isEqualTo(bytes(20_000));
  }

  @Test
  void bodyBelowTheLimitIsTrimmedToItsLength() throws IOException {
    assertThat(ExchangeTranslator.BoundedBody.read(new ByteArrayInputStream(bytes(9_000)), 1 << 20))
        .isEqualTo(bytes(9_000));
  }

  @Test
  void zeroLimitKeepsOnlyAnEmptyBody() throws IOException {
    assertThat(ExchangeTranslator.BoundedBody.read(new ByteArrayInputStream(new byte[0]), 0)).isEmpty();
    assertThat(ExchangeTranslator.BoundedBody.read(new ByteArrayInputStream(new byte[1]), 0)).isNull();
  }

  @Test
  void declaredLengthIsReadExactly() throws IOException {
    assertThat(ExchangeTranslator.BoundedBody.readExactly(new ByteArrayInputStream(bytes(256)), 256))
        .isEqualTo(bytes(256));
  }

  @Test
  void bodyEndingBeforeItsDeclaredLengthIsAnIoFailure() {
    assertThatThrownBy(() -> ExchangeTranslator.BoundedBody.readExactly(new ByteArrayInputStream(bytes(10)), 100))
        .isInstanceOf(IOException.class)
        .hasMessage("request body ended after 10 of 100 bytes");
  }
}
