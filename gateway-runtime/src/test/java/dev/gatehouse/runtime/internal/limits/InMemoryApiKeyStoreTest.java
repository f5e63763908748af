package dev.gatehouse.runtime.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ApiKey;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryApiKeyStoreTest {
  private static final String VALUE = "demo-key-value-0123456789";

  private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();

  private Optional<ApiKey> find(String value) {
    return store.findByValue(value).toCompletableFuture().join();
  }

  @Test
  void findsAKeyByItsValueAndHandsItBackWithoutTheValue() {
    store.add(ApiKey.of("k1", VALUE).withUsagePlans("basic"));

    assertThat(find(VALUE)).hasValueSatisfying(key -> {
      assertThat(key.id()).isEqualTo("k1");
      assertThat(key.value()).isNull();
      assertThat(key.usagePlans()).containsExactly("basic");
    });
    assertThat(store.get("k1")).hasValueSatisfying(key -> assertThat(key.value()).isNull());
  }

  @Test
  void valuesDifferingInOneCharacterOrInLengthFindNothing() {
    store.add(ApiKey.of("k1", VALUE));

    assertThat(find(VALUE.substring(0, VALUE.length() - 1) + "X")).isEmpty();
    assertThat(find("X" + VALUE.substring(1))).isEmpty();
    assertThat(find(VALUE + "0")).isEmpty();
    assertThat(find(VALUE.substring(1))).isEmpty();
    assertThat(find("")).isEmpty();
  }

  @Test
  void theStoreKeepsNoValueAnywhereInItsObjectGraph() throws Exception {
    store.add(ApiKey.of("k1", VALUE));

    assertThat(reachableStrings(store)).doesNotContain(VALUE);
  }

  @Test
  void duplicateIdOrValueIsRefusedWithoutNamingTheValue() {
    store.add(ApiKey.of("k1", VALUE));

    assertThatThrownBy(() -> store.add(ApiKey.of("k1", "another-value-0123456789")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"k1\": id");
    assertThatThrownBy(() -> store.add(ApiKey.of("k2", VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey \"k2\": value: the same as key \"k1\"'s (expected: a value no other key has)");
  }

  @Test
  void disabledKeyIsStillFoundButDisabledAndRemovedKeyIsGone() {
    store.add(ApiKey.of("k1", VALUE));

    assertThat(store.setEnabled("k1", false)).isTrue();
    assertThat(find(VALUE)).hasValueSatisfying(key -> assertThat(key.enabled()).isFalse());
    assertThat(store.remove("k1")).isTrue();
    assertThat(find(VALUE)).isEmpty();
    assertThat(store.setEnabled("k1", true)).isFalse();
    store.add(ApiKey.of("k2", VALUE));
    assertThat(find(VALUE)).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("k2"));
  }

  /** Every String reachable from {@code root} through fields, arrays and collections. */
  private static Set<String> reachableStrings(Object root) throws IllegalAccessException {
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    Set<String> strings = new HashSet<>();
    Deque<Object> todo = new LinkedList<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object next = todo.pop();
      if (next == null || seen.put(next, true) != null) {
        continue;
      }
      if (next instanceof String s) {
        strings.add(s);
      } else if (next instanceof Map<?, ?> map) {
        map.forEach((k, v) -> {
          todo.push(k);
          todo.push(v);
        });
      } else if (next instanceof Collection<?> c) {
        c.forEach(todo::push);
      } else if (next instanceof Object[] array) {
        for (Object o : array) {
          todo.push(o);
        }
      } else if (next.getClass().getName().startsWith("dev.gatehouse")) {
        for (Class<?> type = next.getClass(); type != null; type = type.getSuperclass()) {
          for (Field field : type.getDeclaredFields()) {
            if (!field.getType().isPrimitive() && !Modifier.isStatic(field.getModifiers())) {
              field.setAccessible(true);
              todo.push(field.get(next));
            }
          }
        }
      }
    }
    return strings;
  }
}
