package dev.gatehouse.runtime.internal.limits;

import dev.gatehouse.ApiKey;
import dev.gatehouse.ApiKeys;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.spi.ApiKeyStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A running gateway's {@link ApiKeys}: checks a key against the current definition's usage plans,
 * then changes the current definition's key store, which the API key guard reads on every request.
 */
public final class GatewayApiKeys implements ApiKeys {
  private final Supplier<GatewayDefinition> definition;
  private final Limits limits;

  public GatewayApiKeys(Supplier<GatewayDefinition> definition, Limits limits) {
    this.definition = definition;
    this.limits = limits;
  }

  @Override
  public void add(ApiKey key) {
    GatewayDefinition current = definition.get();
    List<String> problems = new ArrayList<>(key.problems());
    problems.addAll(current.usagePlanProblems(key));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("apiKey \"" + key.id() + "\": " + String.join("; ", problems));
    }
    store().add(key);
  }

  @Override
  public boolean enable(String id) {
    return store().setEnabled(id, true);
  }

  @Override
  public boolean disable(String id) {
    return store().setEnabled(id, false);
  }

  @Override
  public boolean remove(String id) {
    return store().remove(id);
  }

  @Override
  public Optional<ApiKey> get(String id) {
    return store().get(id);
  }

  @Override
  public List<ApiKey> list() {
    List<ApiKey> keys = new ArrayList<>(store().list());
    keys.sort(Comparator.comparing(ApiKey::id));
    return List.copyOf(keys);
  }

  private ApiKeyStore store() {
    return limits.apiKeys(definition.get());
  }
}
