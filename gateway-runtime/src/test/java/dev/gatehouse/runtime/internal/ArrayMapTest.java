package dev.gatehouse.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrayMapTest {

  @Test
  void behavesAsAnInsertionOrderedMapOfItsEntries() {
    Map<String, String> map = ArrayMap.of(new Object[] {"b", "a", "c", "unused"}, new Object[] {"2", "1", "3", "x"}, 3);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("b", "2");
    expected.put("a", "1");
    expected.put("c", "3");

    assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected).hasToString(expected.toString());
    assertThat(List.copyOf(map.keySet())).containsExactly("b", "a", "c");
    assertThat(map.get("a")).isEqualTo("1");
    assertThat(map.get("unused")).isNull();
    assertThat(map.get(null)).isNull();
    assertThat(map.containsKey("c")).isTrue();
  }

  @Test
  void refusesChanges() {
    Map<String, String> map = ArrayMap.of(new Object[] {"a"}, new Object[] {"1"}, 1);

    assertThatThrownBy(() -> map.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("zzz")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void manyEntriesBecomeAHashMapWithTheSameOrder() {
    int size = ArrayMap.MAX_SCANNED + 4;
    Object[] keys = new Object[size];
    Object[] values = new Object[size];
    for (int i = 0; i < size; i++) {
      keys[i] = "k" + (size - i);
      values[i] = i;
    }

    Map<String, Integer> map = ArrayMap.of(keys, values, size);

    assertThat(map).isNotInstanceOf(ArrayMap.class).hasSize(size).containsEntry("k1", size - 1);
    assertThat(map.keySet().iterator().next()).isEqualTo("k" + size);
    assertThatThrownBy(() -> map.put("k0", 0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void noEntriesIsTheEmptyMap() {
    assertThat(ArrayMap.of(new Object[0], new Object[0], 0)).isEmpty();
  }
}
