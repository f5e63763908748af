package dev.gatehouse.runtime.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.log.AccessLogSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The writer thread never makes a request wait: a full queue drops lines, a throwing sink is counted. */
class ObserverQueueTest {
  private final List<String> written = new CopyOnWriteArrayList<>();

  private static ObserverQueue.Line line(AccessLogSink sink, String text) {
    return new ObserverQueue.Line(sink, "petstore", "prod", text);
  }

  @Test
  void linesPastTheQueueAreDroppedAndCounted() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AccessLogSink blocking = (api, stage, text) -> {
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      written.add(text);
    };
    ObserverQueue writer = new ObserverQueue(2);
    assertThat(writer.offer(line(blocking, "0"))).isTrue();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    for (int i = 1; i <= 10; i++) {
      writer.offer(line(blocking, String.valueOf(i)));
    }

    assertThat(writer.dropped()).isEqualTo(8);
    release.countDown();
    writer.close();
    assertThat(written).containsExactly("0", "1", "2");
  }

  @Test
  void aThrowingSinkIsCountedAndTheNextLineWritten() {
    AccessLogSink flaky = (api, stage, text) -> {
      if (text.equals("bad")) {
        throw new IllegalStateException("disk full");
      }
      written.add(text);
    };
    ObserverQueue writer = new ObserverQueue(16);
    writer.offer(line(flaky, "bad"));
    writer.offer(line(flaky, "good"));
    writer.close();

    assertThat(written).containsExactly("good");
    assertThat(writer.failed()).isEqualTo(1);
  }

  @Test
  void closeWritesWhatIsQueuedAndLaterLinesAreDropped() {
    ObserverQueue writer = new ObserverQueue(16);
    for (int i = 0; i < 5; i++) {
      writer.offer(line((api, stage, text) -> written.add(text), "l" + i));
    }
    writer.close();
    assertThat(written).containsExactly("l0", "l1", "l2", "l3", "l4");

    assertThat(writer.offer(line((api, stage, text) -> written.add(text), "late"))).isFalse();
    assertThat(writer.dropped()).isEqualTo(1);
  }
}
