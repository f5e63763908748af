package dev.gatehouse.runtime.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every streaming behaviour again on the JDK's HttpClient, the transport used without jetty-client. */
class JdkClientHttpStreamingTest extends HttpStreamingTest {
  @BeforeAll
  static void useTheJdkClient() {
    System.setProperty("gatehouse.http.client", "jdk");
  }

  @AfterAll
  static void useTheDefaultClient() {
    System.clearProperty("gatehouse.http.client");
  }
}
