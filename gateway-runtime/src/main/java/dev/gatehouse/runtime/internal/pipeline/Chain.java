package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.GatewayResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Steps linked once, at deployment: each link knows the step it runs and the link after it, so a
 * request walks the chain without allocating. The exchange carries all per-request state.
 */
final class Chain implements Step.Next {
  private final Step step;
  private final Step.Next next;

  private Chain(Step step, Step.Next next) {
    this.step = step;
    this.next = next;
  }

  /** Links {@code steps} in order, ending in {@code terminal}. */
  static Step.Next of(List<Step> steps, Step.Next terminal) {
    Step.Next link = terminal;
    for (int i = steps.size() - 1; i >= 0; i--) {
      link = new Chain(steps.get(i), link);
    }
    return link;
  }

  @Override
  public CompletionStage<GatewayResponse> proceed(Exchange ex) {
    CompletionStage<GatewayResponse> result;
    try {
      result = step.apply(ex, next);
    } catch (Throwable t) {
      return CompletableFuture.failedFuture(new StepFailure(step, t));
    }
    if (result == null) {
      return CompletableFuture.failedFuture(
          new StepFailure(step, new IllegalStateException("step returned null")));
    }
    return result;
  }

  /** A step broke its contract; the message names it. */
  static final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailure(Step step, Throwable cause) {
      super("step " + step.getClass().getSimpleName() + " failed: " + cause, cause);
    }
  }
}
