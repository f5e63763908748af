package dev.gatehouse.authorizer;

/**
 * Thrown by a function authorizer to answer 401 {@code UNAUTHORIZED}, as a Lambda authorizer
 * answers with {@code callback("Unauthorized")}: the caller's credentials are missing or not
 * acceptable. Any other exception answers 500 {@code AUTHORIZER_FAILURE}.
 */
public final class Unauthorized extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Unauthorized() {
    super("Unauthorized", null, false, false);
  }
}
