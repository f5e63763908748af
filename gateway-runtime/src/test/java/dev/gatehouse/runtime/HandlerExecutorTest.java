package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.Requests.call;
import static dev.gatehouse.runtime.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Where blocking handlers run: the user's executor, else virtual threads on 21+, else a pool. */
class HandlerExecutorTest {
  private final AtomicReference<Thread> handlerThread = new AtomicReference<>();

  private Gateway gateway(ExecutorService executor) {
    var builder = Gateway.builder()
        .restApi("t", api -> api.stage("s").route("GET /x", Integrations.function(event -> {
          handlerThread.set(Thread.currentThread());
          return ProxyResponseV1.of(200, "ok");
        })));
    if (executor != null) {
      builder.handlerExecutor(executor);
    }
    return builder.build();
  }

  @Test
  void defaultExecutorUsesVirtualThreadsOn21AndABoundedPoolOn17() throws Exception {
    Gateway gateway = gateway(null);
    try {
      assertThat(call(gateway, get("/s/x")).status()).isEqualTo(200);
    } finally {
      gateway.close();
    }

    Thread thread = handlerThread.get();
    if (Runtime.version().feature() >= 21) {
      assertThat((Boolean) Thread.class.getMethod("isVirtual").invoke(thread)).isTrue();
    } else {
      assertThat(thread.getName()).startsWith("gatehouse-handler-");
      assertThat(thread.isDaemon()).isTrue();
    }
  }

  @Test
  void userExecutorRunsTheHandlers() {
    ExecutorService mine = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-handler-thread"));
    Gateway gateway = gateway(mine);
    try {
      call(gateway, get("/s/x"));
    } finally {
      gateway.close();
      mine.shutdownNow();
    }

    assertThat(handlerThread.get().getName()).isEqualTo("my-handler-thread");
  }
}
