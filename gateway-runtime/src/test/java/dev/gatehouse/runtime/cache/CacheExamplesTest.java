package dev.gatehouse.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.cache.StageCache;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.Backend;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The caching examples of the Javadoc, as users write them, against a real backend. */
class CacheExamplesTest {
  @Test
  void stageAndRouteExamplesCacheAnHttpBackendsAnswers() throws Exception {
    try (Backend backend = Backend.start()) {
      backend.answerAlways(Backend.Answer.of(200, "[\"Rex\"]"));
      try (Gateway gateway = Gateway.builder().restApi("petstore", api -> {
        // --- begin CacheSettings Javadoc
        api.stage("prod", stage -> stage.cache(cache -> cache
            .ttl(Duration.ofMinutes(5))
            .maxBytes(64 << 20)
            .invalidationKeys("ops")                         // this API key may send Cache-Control: max-age=0
            .xCacheHeader()));
        // --- end
        String url = backend.url();
        // --- begin RouteCache Javadoc
        api.route("GET /pets", Integrations.http("http://127.0.0.1:9000/pets"), route -> route
            .cached(cache -> cache
                .ttl(Duration.ofSeconds(30))
                .keyParameters("method.request.querystring.type", "method.request.header.Accept-Language")));
        // --- end
        api.route("GET /dogs", Integrations.http(url + "/dogs"), route -> route.cached());
      }).build()) {
        GatewayRequest dogs = GatewayRequest.builder("GET", "/prod/dogs").build();
        gateway.handle(dogs).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(gateway.handle(dogs).toCompletableFuture().get(10, TimeUnit.SECONDS).headers().first("X-Cache"))
            .isEqualTo("Hit");

        // --- begin StageCache Javadoc
        StageCache cache = gateway.cache("petstore", "prod");
        cache.evict(GatewayRequest.builder("GET", "/prod/pets").rawQuery("type=dog").build());
        cache.flush();
        // --- end
        cache.flush().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(gateway.handle(dogs).toCompletableFuture().get(10, TimeUnit.SECONDS).headers().first("X-Cache"))
            .isEqualTo("Miss");
        assertThat(backend.requestCount()).isEqualTo(2);
      }
    }
  }

  @Test
  void streamedBackendAnswerUnderTheLimitIsCachedIntact() throws Exception {
    byte[] body = new byte[700_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31);
    }
    try (Backend backend = Backend.start()) {
      backend.answerAlways(new Backend.Answer(200, java.util.Map.of("Content-Type", java.util.List.of("application/octet-stream")),
          body, Duration.ZERO));
      try (Gateway gateway = Gateway.builder().restApi("files", api -> api
          .stage("prod", stage -> stage.cache(cache -> {}))
          .route("GET /blob", Integrations.http(backend.url() + "/blob"))).build()) {
        GatewayRequest blob = GatewayRequest.builder("GET", "/prod/blob").build();

        var first = gateway.handle(blob).toCompletableFuture().get(10, TimeUnit.SECONDS);
        var second = gateway.handle(blob).toCompletableFuture().get(10, TimeUnit.SECONDS);

        byte[] cached = new byte[second.bodyLength()];
        second.body().get(cached);
        assertThat(first.isStreamed()).isFalse();
        assertThat(cached).isEqualTo(body);
        assertThat(backend.requestCount()).isEqualTo(1);
      }
    }
  }
}
