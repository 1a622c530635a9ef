package dev.kiln.output;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The built site in memory: output path (relative, forward slashes, no leading slash) to bytes, sorted,
 * so that writing and serving it are deterministic.
 */
public record SiteOutput(SortedMap<String, byte[]> files) {

    public SiteOutput {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** The bytes at {@code path}, or null. */
    public byte[] get(String path) {
        return files.get(path);
    }

    /**
     * The file GitHub Pages serves for a request path (relative, no leading slash): {@code d/} is
     * {@code d/index.html}; {@code a} is {@code a} itself or else {@code a.html}. Null when there is none
     * ({@code d} without a slash is a redirect to {@code d/}, which callers handle).
     */
    public String served(String path) {
        if (path.isEmpty() || path.endsWith("/")) {
            return files.containsKey(path + "index.html") ? path + "index.html" : null;
        }
        if (files.containsKey(path)) {
            return path;
        }
        return files.containsKey(path + ".html") ? path + ".html" : null;
    }

    public int size() {
        return files.size();
    }

    /** Gathers files and remembers where each came from, so that two claims on one path can be reported. */
    public static final class Builder {
        private final TreeMap<String, byte[]> files = new TreeMap<>();
        private final Map<String, String> origins = new TreeMap<>();

        /**
         * Adds {@code bytes} at {@code path}; returns the origin of an earlier claim on that path (and keeps
         * the earlier file), or null when the path was free.
         */
        public synchronized String add(String path, byte[] bytes, String origin) {
            String earlier = origins.putIfAbsent(path, origin);
            if (earlier != null) {
                return earlier;
            }
            files.put(path, bytes);
            return null;
        }

        public synchronized SiteOutput build() {
            return new SiteOutput(files);
        }
    }
}
