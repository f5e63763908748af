package dev.gatehouse.runtime.internal.response;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseOverride;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.runtime.internal.Json;
import java.util.EnumMap;
import java.util.Map;

/**
 * The gateway responses of one API, built once at deployment with the API's overrides applied, so
 * that refusing a request costs no formatting. Responses are immutable and shared.
 *
 * <p>An override of a type wins over an override of its family ({@code DEFAULT_4XX} or
 * {@code DEFAULT_5XX}), which wins over AWS's default, part by part (status, headers, body).
 */
public final class GatewayResponses {
  /** Before {@link #DEFAULTS}, whose constructor reads it. */
  private static final GatewayResponseType[] TYPES = GatewayResponseType.values();
  private static final GatewayResponses DEFAULTS = new GatewayResponses(Map.of());

  /** The responses again, by type ordinal, for {@link #typeOf} to scan without allocating. */
  private final GatewayResponse[] byOrdinal = new GatewayResponse[TYPES.length];
  private final EnumMap<GatewayResponseType, GatewayResponse> responses =
      new EnumMap<>(GatewayResponseType.class);

  private GatewayResponses(Map<GatewayResponseType, GatewayResponseOverride> overrides) {
    for (GatewayResponseType type : GatewayResponseType.values()) {
      if (type.family() != type) {
        GatewayResponse response = build(type, overrides.get(type), overrides.get(type.family()));
        responses.put(type, response);
        byOrdinal[type.ordinal()] = response;
      }
    }
  }

  /** AWS's responses, for requests that reached no API. */
  public static GatewayResponses defaults() {
    return DEFAULTS;
  }

  /** The responses of {@code api}, with its overrides. */
  public static GatewayResponses of(ApiDefinition api) {
    return api.gatewayResponses().isEmpty() ? DEFAULTS : new GatewayResponses(api.gatewayResponses());
  }

  /** The response for {@code type}; for a family, the family's generic 4XX/5XX answer. */
  public GatewayResponse get(GatewayResponseType type) {
    return responses.get(type);
  }

  /**
   * The response for {@code type} saying {@code message}, as AWS words some refusals for the case
   * at hand ("Signature expired: ..."), and with {@code errorType} as {@code x-amzn-ErrorType} when
   * given. An API that overrides the type's body or that header keeps its own. Record the type with
   * {@code ex.answeredWith(type)}: the result is a new response, not one {@link #typeOf} knows.
   */
  public GatewayResponse withMessage(GatewayResponseType type, String message, String errorType) {
    GatewayResponse response = get(type);
    GatewayResponse.Builder builder = response.toBuilder();
    if (Json.message(type.defaultMessage()).equals(response.bodyAsString())) {
      builder.body(Json.message(message));
    }
    if (errorType != null && type.errorType().equals(response.headers().first("x-amzn-ErrorType"))) {
      builder.setHeader("x-amzn-ErrorType", errorType);
    }
    return builder.build();
  }

  /** Whether {@code response} is one of these gateway responses rather than an integration's answer. */
  public boolean isOwn(GatewayResponse response) {
    return typeOf(response) != null;
  }

  /** The type {@code response} is this API's answer for, or {@code null} for an integration's answer. */
  public GatewayResponseType typeOf(GatewayResponse response) {
    // asked after every request: an EnumMap's entry iterator would allocate an entry per type
    for (int i = 0; i < byOrdinal.length; i++) {
      if (byOrdinal[i] == response && response != null) {
        return TYPES[i];
      }
    }
    return null;
  }

  private static GatewayResponse build(
      GatewayResponseType type, GatewayResponseOverride own, GatewayResponseOverride family) {
    int status = type.defaultStatus();
    String body = Json.message(type.defaultMessage());
    if (family != null && family.status() != null) {
      status = family.status();
    }
    if (own != null && own.status() != null) {
      status = own.status();
    }
    if (family != null && family.body() != null) {
      body = family.body();
    }
    if (own != null && own.body() != null) {
      body = own.body();
    }
    GatewayResponse.Builder response = GatewayResponse.builder(status)
        .header("Content-Type", "application/json")
        .header("x-amzn-ErrorType", type.errorType());
    if (family != null) {
      family.headers().forEach(response::setHeader);
    }
    if (own != null) {
      own.headers().forEach(response::setHeader);
    }
    return response.body(body).build();
  }
}
