package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
  private final ResponseParser parser = new ResponseParser();

  @Test
  void findsTheEndOfAnAnswerFedOneByteAtATime() throws IOException {
    byte[] answer = ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3;ext=1\r\nabc\r\n0\r\nTrailer: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    parser.expect("POST");

    for (int i = 0; i < answer.length; i++) {
      assertThat(parser.feed(ByteBuffer.wrap(answer, i, 1))).as("after byte %d", i).isEqualTo(i == answer.length - 1);
    }
    assertThat(parser.status()).isEqualTo(201);
    assertThat(parser.closesConnection()).isFalse();
  }

  @Test
  void leavesWhatFollowsTheAnswerInTheBuffer() throws IOException {
    ByteBuffer bytes = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1");
    parser.expect("GET");

    assertThat(parser.feed(bytes)).isTrue();
    assertThat(bytes.remaining()).isEqualTo("HTTP/1.1".length());
  }

  @Test
  void aHeadAnswerHasNoBodyWhateverItsContentLength() throws IOException {
    parser.expect("HEAD");

    assertThat(parser.feed(ascii("HTTP/1.1 200 OK\r\nContent-Length: 17\r\n\r\n"))).isTrue();
  }

  @Test
  void aBodyWithoutLengthRunsUntilTheConnectionCloses() throws IOException {
    parser.expect("GET");

    assertThat(parser.feed(ascii("HTTP/1.0 200 OK\r\n\r\nsome body"))).isFalse();
    assertThat(parser.endOfStream()).isTrue();
    assertThat(parser.closesConnection()).isTrue();
  }

  @Test
  void connectionCloseIsReported() throws IOException {
    parser.expect("GET");

    assertThat(parser.feed(ascii("HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))).isTrue();
    assertThat(parser.status()).isEqualTo(503);
    assertThat(parser.closesConnection()).isTrue();
  }

  @Test
  void answer_notHttp() {
    parser.expect("GET");

    assertThatThrownBy(() -> parser.feed(ascii("SSH-2.0-OpenSSH_9.2\r\n")))
        .isInstanceOf(IOException.class)
        .hasMessage("not an HTTP/1.x status line: SSH-2.0-OpenSSH_9.2");
  }

  @Test
  void answer_badContentLength() {
    parser.expect("GET");

    assertThatThrownBy(() -> parser.feed(ascii("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")))
        .isInstanceOf(IOException.class)
        .hasMessage("not a number in: Content-Length: -1");
  }

  private static ByteBuffer ascii(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
