package dev.kiln.layout;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * site.yml's keys of its own as layouts see them, {@code site.params}, each map among their values a
 * {@link Nested} one. Of types of their own so that a key a layout reads and site.yml lacks is said to be
 * site.yml's to add ({@link LayoutErrors#missingValue}): a front matter map's advice, a value "that some pages do
 * not set", is wrong for a setting every page lacks alike. Read only: one is shared by every page laid out in
 * parallel.
 */
class SiteParams extends AbstractMap<Object, Object> {

    private final Map<Object, Object> values;

    private SiteParams(Map<?, ?> values) {
        Map<Object, Object> copy = new LinkedHashMap<>(); // in site.yml's order, or the sorted order of the keys
        values.forEach((key, value) -> copy.put(key, nested(value)));
        this.values = Collections.unmodifiableMap(copy);
    }

    /** {@code params} (site.yml's keys that are not Kiln's settings) as layouts see them. */
    static SiteParams of(Map<String, Object> params) {
        return new SiteParams(params);
    }

    /** {@code value}, its maps made {@link Nested}, also inside lists ({@code links: [{title: a, url: /a/}]}). */
    private static Object nested(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new Nested(map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SiteParams::nested).toList(); // read only, and null stays null
        }
        return value;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return values.entrySet();
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public int size() {
        return values.size();
    }

    /** A map among the values of site.yml's keys of its own: {@code site.params.social} of {@code social: {a: b}}. */
    static final class Nested extends SiteParams {
        private Nested(Map<?, ?> values) {
            super(values);
        }
    }
}
