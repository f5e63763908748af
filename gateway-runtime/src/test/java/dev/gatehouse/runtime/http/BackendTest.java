package dev.gatehouse.runtime.http;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.Backend;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test with a real backend on loopback, started before each test, and the gateway in front of it closed after. */
abstract class BackendTest {
  Backend backend;
  Gateway gateway;

  @BeforeEach
  void startBackend() throws IOException {
    backend = Backend.start();
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    backend.close();
  }
}
