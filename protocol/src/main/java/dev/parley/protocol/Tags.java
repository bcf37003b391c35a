package dev.parley.protocol;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A message's tags: an immutable map that keeps insertion order, held in two arrays. A message
 * has a handful of tags and is built once per line, so this costs three objects where a
 * {@code LinkedHashMap} costs one per tag plus its table, and {@link IrcMessage} takes it without
 * copying. Lookups scan the keys, which beats hashing at this size.
 */
public final class Tags extends AbstractMap<String, String> {

    private static final Tags EMPTY = new Tags(new String[0], new String[0], 0);

    private final String[] keys;
    private final String[] values;
    private final int size;

    private Tags(String[] keys, String[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    public static Tags empty() {
        return EMPTY;
    }

    /** The same tags, in the same order: {@code tags} itself when it already is a {@code Tags}. */
    public static Tags copyOf(Map<String, String> tags) {
        if (tags instanceof Tags same) {
            return same;
        }
        if (tags.isEmpty()) {
            return EMPTY;
        }
        Builder builder = new Builder(tags.size());
        tags.forEach(builder::put);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder(4);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(keys[index], values[index]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * Collects tags in order; a key put twice keeps its first place and its last value, as a
     * {@code LinkedHashMap} would. Past a few keys an index finds repeats, so a line packed with
     * thousands of tiny tags costs linear time, not quadratic.
     */
    public static final class Builder {

        private static final int SCAN_LIMIT = 8;

        private String[] keys;
        private String[] values;
        private int size;
        private Map<String, Integer> index;

        private Builder(int capacity) {
            keys = new String[Math.max(capacity, 1)];
            values = new String[keys.length];
        }

        /** Adds a tag, or replaces the value of one already added; a null value is the empty one. */
        public Builder put(String key, String value) {
            String kept = value == null ? "" : value;
            int existing = find(key);
            if (existing >= 0) {
                values[existing] = kept;
                return this;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = kept;
            if (index != null) {
                index.put(key, size);
            }
            size++;
            return this;
        }

        private int find(String key) {
            if (size > SCAN_LIMIT && index == null) {
                index = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    index.put(keys[i], i);
                }
            }
            if (index != null) {
                Integer at = index.get(key);
                return at == null ? -1 : at;
            }
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        /** The tags; the builder hands its arrays over and cannot be used again. */
        public Tags build() {
            Tags built = size == 0 ? EMPTY : new Tags(keys, values, size);
            keys = null;
            values = null;
            index = null;
            return built;
        }
    }
}
