package dev.gatehouse.runtime.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.GatewayResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ChainTest {
  private static final GatewayResponse OK = GatewayResponse.builder(200).build();

  private final List<String> ran = new ArrayList<>();

  private Step named(String name) {
    return (ex, next) -> {
      ran.add(name);
      return next.proceed(ex);
    };
  }

  @Test
  void stepsRunInOrderAndTheTerminalAnswers() throws Exception {
    Step.Next chain = Chain.of(List.of(named("a"), named("b"), named("c")), ex -> {
      ran.add("terminal");
      return CompletableFuture.completedFuture(OK);
    });

    assertThat(chain.proceed(null).toCompletableFuture().get()).isSameAs(OK);
    assertThat(ran).containsExactly("a", "b", "c", "terminal");
  }

  @Test
  void aStepThatAnswersEndsThePath() throws Exception {
    Step answers = (ex, next) -> CompletableFuture.completedFuture(OK);
    Step.Next chain = Chain.of(List.of(named("a"), answers, named("never")), ex -> {
      throw new AssertionError("terminal reached");
    });

    assertThat(chain.proceed(null).toCompletableFuture().get()).isSameAs(OK);
    assertThat(ran).containsExactly("a");
  }

  @Test
  void stepReturningNullBecomesAFailedStageNamingTheStep() {
    Step.Next chain = Chain.of(List.of(new ReturnsNull()), ex -> CompletableFuture.completedFuture(OK));

    assertThat(failure(chain.proceed(null))).hasMessage("step ReturnsNull failed: java.lang.IllegalStateException: step returned null");
  }

  @Test
  void stepThatThrowsBecomesAFailedStageNamingTheStep() {
    Step.Next chain = Chain.of(List.of(new Throws()), ex -> CompletableFuture.completedFuture(OK));

    assertThat(failure(chain.proceed(null))).hasMessage("step Throws failed: java.lang.IllegalArgumentException: broken");
  }

  private static Throwable failure(CompletionStage<GatewayResponse> stage) {
    try {
      stage.toCompletableFuture().get();
      throw new AssertionError("stage completed normally");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static final class ReturnsNull implements Step {
    @Override
    public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
      return null;
    }
  }

  private static final class Throws implements Step {
    @Override
    public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
      throw new IllegalArgumentException("broken");
    }
  }
}
