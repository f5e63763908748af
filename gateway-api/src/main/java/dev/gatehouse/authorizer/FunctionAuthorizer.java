package dev.gatehouse.authorizer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A function ("Lambda") authorizer, as AWS's: a function of the caller's identity sources that
 * answers with an IAM policy over method ARNs (or, for HTTP APIs, a simple yes or no), a principal,
 * a context map for {@code $context.authorizer.*} and optionally an API key for usage plans. A
 * request missing an identity source (or whose TOKEN fails the validation expression) gets 401
 * without calling the function. Answers are cached by the identity sources' values for
 * {@link #resultTtl()}, and a cached policy also decides other routes its ARNs cover.
 *
 * <pre>{@code
 * api.authorizer(Authorizers.token("partners", event ->
 *             "let-me-in".equals(event.authorizationToken())
 *                 ? AuthorizerPolicy.allow("partner-7", "arn:aws:execute-api:*:*:petstore/prod/*")
 *                 : AuthorizerPolicy.deny("anonymous", "*"))
 *         .resultTtl(Duration.ofMinutes(5)))
 *     .route("GET /pets", pets, route -> route.authorizer("partners"));
 * }</pre>
 *
 * @param name the name routes use
 * @param kind what the function receives and answers
 * @param handler an {@link AuthorizerFunction}, {@link AuthorizerFunctionV2} or {@link SimpleAuthorizerFunction}, by kind
 * @param identitySources where the caller's identity is; the cache key
 * @param validationExpression a regular expression a TOKEN must match, or {@code null}
 * @param resultTtl how long an answer is reused for the same identity; 0 to call every time; 300 s by default, at most 3600 s
 * @param timeout how long the function may take before the request gets 500
 */
public record FunctionAuthorizer(String name, Kind kind, Object handler, List<IdentitySource> identitySources,
    String validationExpression, Duration resultTtl, Duration timeout) implements AuthorizerDefinition {

  /** AWS's default and largest result TTLs. */
  public static final Duration DEFAULT_RESULT_TTL = Duration.ofSeconds(300);

  public static final Duration MAX_RESULT_TTL = Duration.ofSeconds(3600);

  /** What a function authorizer receives and answers. */
  public enum Kind {
    /** Payload 1.0, one token from a header: {@link AuthorizerFunction}. */
    TOKEN,
    /** Payload 1.0, the request's parameters: {@link AuthorizerFunction}. */
    REQUEST,
    /** Payload 2.0 with an IAM policy answer: {@link AuthorizerFunctionV2}. */
    REQUEST_V2,
    /** Payload 2.0 with a simple answer: {@link SimpleAuthorizerFunction}. */
    SIMPLE
  }

  public FunctionAuthorizer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    identitySources = List.copyOf(identitySources);
    Objects.requireNonNull(resultTtl, "resultTtl");
    Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    Class<?> expected = switch (kind) {
      case TOKEN, REQUEST -> AuthorizerFunction.class;
      case REQUEST_V2 -> AuthorizerFunctionV2.class;
      case SIMPLE -> SimpleAuthorizerFunction.class;
    };
    if (!expected.isInstance(handler)) {
      problems.add("handler: " + (handler == null ? "null" : handler.getClass().getName()) + " (expected: a "
          + expected.getSimpleName() + ")");
    }
    if (kind == Kind.TOKEN && (identitySources.size() != 1
        || identitySources.get(0).location() != IdentitySource.Location.HEADER)) {
      problems.add("identitySources: " + identitySources + " (expected: one header for a TOKEN authorizer)");
    }
    if (kind != Kind.TOKEN && identitySources.isEmpty() && !resultTtl.isZero()) {
      problems.add("identitySources: [] (expected: at least one when results are cached; or resultTtl 0)");
    }
    if (validationExpression != null) {
      if (kind != Kind.TOKEN) {
        problems.add("validationExpression: \"" + validationExpression + "\" (expected: only on a TOKEN authorizer)");
      } else {
        try {
          Pattern.compile(validationExpression);
        } catch (PatternSyntaxException e) {
          problems.add("validationExpression: \"" + validationExpression + "\" (expected: a regular expression: "
              + e.getDescription() + ")");
        }
      }
    }
    if (resultTtl.isNegative() || resultTtl.compareTo(MAX_RESULT_TTL) > 0) {
      problems.add("resultTtl: " + resultTtl + " (expected: 0 to " + MAX_RESULT_TTL + ")");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      problems.add("timeout: " + timeout + " (expected: a positive duration)");
    }
    return problems;
  }

  /** Collects one function authorizer; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Kind kind;
    private final Object handler;
    private final List<IdentitySource> identitySources = new ArrayList<>();
    private String validationExpression;
    private Duration resultTtl = DEFAULT_RESULT_TTL;
    private Duration timeout = Duration.ofSeconds(10);

    Builder(String name, Kind kind, Object handler, IdentitySource... defaults) {
      this.name = name;
      this.kind = kind;
      this.handler = handler;
      this.identitySources.addAll(Arrays.asList(defaults));
    }

    /** Where the caller's identity is, replacing the default; the answers' cache key. */
    public Builder identitySources(IdentitySource... sources) {
      identitySources.clear();
      identitySources.addAll(Arrays.asList(sources));
      return this;
    }

    /** A regular expression the TOKEN must match; a token that does not gets 401 without a call. */
    public Builder validationExpression(String regex) {
      this.validationExpression = regex;
      return this;
    }

    public Builder resultTtl(Duration ttl) {
      this.resultTtl = ttl;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public FunctionAuthorizer build() {
      return new FunctionAuthorizer(name == null ? "" : name, kind, handler, identitySources, validationExpression,
          resultTtl, timeout);
    }
  }
}
