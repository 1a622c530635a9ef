package dev.kiln.content;

import dev.kiln.error.Position;

import java.util.List;
import java.util.Map;

/**
 * A YAML mapping read from a file: its values (dates kept as text) and the 1-based file position of
 * each top-level value and key, so that a bad value or key can be reported where it stands; the keys of nested
 * mappings are in {@code keyPositions} too, as {@code parent.key} (a merged one where its {@code <<} stands), and
 * the items of a top-level list in {@code itemPositions}, by the list's key, in order.
 */
public record YamlDocument(Map<String, Object> values, Map<String, Position> positions,
                           Map<String, Position> keyPositions, Map<String, List<Position>> itemPositions) {

    public static final YamlDocument EMPTY = new YamlDocument(Map.of(), Map.of());

    public YamlDocument {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        positions = Map.copyOf(positions);
        keyPositions = Map.copyOf(keyPositions);
        itemPositions = Map.copyOf(itemPositions);
    }

    /** A document whose lists' items are not placed (they are reported where their list stands). */
    public YamlDocument(Map<String, Object> values, Map<String, Position> positions,
                        Map<String, Position> keyPositions) {
        this(values, positions, keyPositions, Map.of());
    }

    /** A document whose keys stand where their values do (made in code, not read from a file). */
    public YamlDocument(Map<String, Object> values, Map<String, Position> positions) {
        this(values, positions, positions);
    }

    /** Where {@code key} itself is written (for a problem with the key, not its value). */
    public Position keyAt(String key) {
        return keyPositions.getOrDefault(key, positions.getOrDefault(key, Position.START));
    }

    /** The values whose keys are not in {@code known}, in file order: the free-form parameters. */
    public Map<String, Object> valuesExcept(java.util.Set<String> known) {
        Map<String, Object> rest = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!known.contains(k)) {
                rest.put(k, v);
            }
        });
        return rest;
    }

    /** Where the value of {@code key} stands, or {@code fallback} when the key is absent. */
    public Position at(String key, Position fallback) {
        return positions.getOrDefault(key, fallback);
    }

    /**
     * Where item {@code index} (from 0) of the list at {@code key} stands: where the value of {@code key} does
     * when that is no list (one text read as a list of one), or {@code fallback} when the key is absent.
     */
    public Position at(String key, int index, Position fallback) {
        List<Position> items = itemPositions.get(key);
        return items != null && index < items.size() ? items.get(index) : at(key, fallback);
    }
}
