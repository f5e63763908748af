package dev.gatehouse.runtime.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map over an array of keys and an array of values, in the order given: the small
 * maps of one request (header fields, query and path parameters as events show them) without a hash
 * table and an entry object per field. Lookups compare the keys one by one, which for the dozen
 * fields of a request costs no more than hashing; past {@value #MAX_SCANNED} entries {@link #of}
 * builds a hash map instead. Equality, hash code and text are those of any {@link Map}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ArrayMap<K, V> extends AbstractMap<K, V> {
  /** The most entries a map scans; larger ones are hash maps. */
  static final int MAX_SCANNED = 16;

  private final Object[] keys;
  private final Object[] values;
  private final int size;

  private ArrayMap(Object[] keys, Object[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
  }

  /**
   * The map of the first {@code size} keys and values. The map keeps the arrays and never changes
   * them, so maps may share a key array; nobody may change them afterwards. Keys must be distinct
   * and, like values, not {@code null}.
   */
  public static <K, V> Map<K, V> of(Object[] keys, Object[] values, int size) {
    if (size == 0) {
      return Map.of();
    }
    if (size > MAX_SCANNED) {
      Map<K, V> map = new LinkedHashMap<>(size * 2);
      for (int i = 0; i < size; i++) {
        map.put(cast(keys[i]), cast(values[i]));
      }
      return Collections.unmodifiableMap(map);
    }
    return new ArrayMap<>(keys, values, size);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }

  private int indexOf(Object key) {
    if (key != null) {
      for (int i = 0; i < size; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public V get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : cast(values[i]);
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public void forEach(BiConsumer<? super K, ? super V> action) {
    Objects.requireNonNull(action, "action");
    for (int i = 0; i < size; i++) {
      action.accept(cast(keys[i]), cast(values[i]));
    }
  }

  @Override
  public V remove(Object key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new Entries();
  }

  private final class Entries extends AbstractSet<Map.Entry<K, V>> {
    @Override
    public int size() {
      return size;
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public Map.Entry<K, V> next() {
          if (next >= size) {
            throw new NoSuchElementException();
          }
          int i = next++;
          return new AbstractMap.SimpleImmutableEntry<>(cast(keys[i]), cast(values[i]));
        }
      };
    }
  }
}
