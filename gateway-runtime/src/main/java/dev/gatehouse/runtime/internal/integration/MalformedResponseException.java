package dev.gatehouse.runtime.internal.integration;

/** A function answered with something that is not a valid proxy response; the gateway answers 502. */
public final class MalformedResponseException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message) {
    super(message, null, false, false);
  }
}
