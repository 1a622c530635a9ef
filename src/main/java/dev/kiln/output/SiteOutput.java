package dev.kiln.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built site: output path (relative, forward slashes, no leading slash) to bytes, sorted, so that
 * writing and serving it are deterministic.
 *
 * <p>The bytes are held in memory, or (for a one-off build, see {@link Builder#Builder(Path)}) spilled:
 * written to a file as soon as they are made and read back when asked for, so that a large site's
 * memory does not grow with its pages. {@link SiteWriter} moves spilled files into place rather than
 * writing them again; after that their bytes can no longer be read from here.
 */
public final class SiteOutput {

    /** A file's bytes, held or in a spill file. */
    private sealed interface Content permits Held, Spilled {
        byte[] bytes();

        long length();
    }

    private record Held(byte[] bytes) implements Content {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    private record Spilled(Path file, long length) implements Content {
        @Override
        public byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("a built file kept in " + file + " cannot be read back", e);
            }
        }
    }

    private final SortedMap<String, Content> contents;
    private final Map<String, byte[]> view;

    /** A site held in memory. */
    public SiteOutput(SortedMap<String, byte[]> files) {
        this(held(files));
    }

    private static TreeMap<String, Content> held(SortedMap<String, byte[]> files) {
        TreeMap<String, Content> held = new TreeMap<>();
        files.forEach((path, bytes) -> held.put(path, new Held(bytes)));
        return held;
    }

    private SiteOutput(TreeMap<String, Content> contents) {
        this.contents = Collections.unmodifiableSortedMap(contents);
        this.view = new FilesView();
    }

    /**
     * Every file, by path in sorted order; a spilled file's bytes are read each time they are asked for
     * (by {@code get}, or as iteration over the entries reaches it). Unmodifiable.
     */
    public Map<String, byte[]> files() {
        return view;
    }

    /** The bytes at {@code path}, or null. */
    public byte[] get(String path) {
        Content content = contents.get(path);
        return content == null ? null : content.bytes();
    }

    /** The number of bytes at {@code path} (without reading them), or -1 when there is no such file. */
    public long length(String path) {
        Content content = contents.get(path);
        return content == null ? -1 : content.length();
    }

    /**
     * Puts the bytes at {@code path} into the new file {@code target}: a spilled file is moved there (one
     * rename on the same file system), held bytes are written.
     */
    void transfer(String path, Path target) throws IOException {
        Content content = contents.get(path);
        if (content instanceof Spilled spilled) {
            Files.move(spilled.file(), target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.write(target, content.bytes());
        }
    }

    /**
     * The file GitHub Pages serves for a request path (relative, no leading slash): {@code d/} is
     * {@code d/index.html}; {@code a} is {@code a} itself or else {@code a.html}. Null when there is none
     * ({@code d} without a slash is a redirect to {@code d/}, which callers handle).
     */
    public String served(String path) {
        if (path.isEmpty() || path.endsWith("/")) {
            return contents.containsKey(path + "index.html") ? path + "index.html" : null;
        }
        if (contents.containsKey(path)) {
            return path;
        }
        return contents.containsKey(path + ".html") ? path + ".html" : null;
    }

    public int size() {
        return contents.size();
    }

    /** {@link #files()}: the contents, their bytes read when a value is asked for or an entry reached. */
    private final class FilesView extends AbstractMap<String, byte[]> {
        @Override
        public Set<Map.Entry<String, byte[]>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, byte[]>> iterator() {
                    Iterator<Map.Entry<String, Content>> all = contents.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return all.hasNext();
                        }

                        @Override
                        public Map.Entry<String, byte[]> next() {
                            Map.Entry<String, Content> e = all.next();
                            return new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().bytes());
                        }
                    };
                }

                @Override
                public int size() {
                    return contents.size();
                }
            };
        }

        @Override
        public Set<String> keySet() {
            return contents.keySet();
        }

        @Override
        public boolean containsKey(Object key) {
            return contents.containsKey(key);
        }

        @Override
        public byte[] get(Object key) {
            Content content = contents.get(key);
            return content == null ? null : content.bytes();
        }

        @Override
        public int size() {
            return contents.size();
        }
    }

    /**
     * Gathers files and remembers where each came from, so that two claims on one path can be reported.
     * Safe to fill from several threads.
     */
    public static final class Builder {
        private final TreeMap<String, Content> files = new TreeMap<>();
        private final Map<String, String> origins = new TreeMap<>();
        private final Path spill;
        private final AtomicInteger spilled = new AtomicInteger();

        /** A builder that holds the bytes in memory. */
        public Builder() {
            this(null);
        }

        /**
         * A builder that writes each file's bytes to a numbered file in the existing folder {@code spill}
         * as soon as it gets them (in memory when {@code spill} is null).
         */
        public Builder(Path spill) {
            this.spill = spill;
        }

        /**
         * Claims {@code path} for {@code origin}, whose bytes {@link #put} adds later; returns the origin of
         * an earlier claim on that path (which keeps it), or null when the path was free.
         */
        public synchronized String claim(String path, String origin) {
            return origins.putIfAbsent(path, origin);
        }

        /** The bytes of a path this builder's caller has claimed. */
        public void put(String path, byte[] bytes) {
            Content content;
            if (spill == null) {
                content = new Held(bytes);
            } else {
                Path file = spill.resolve(Integer.toString(spilled.getAndIncrement()));
                try {
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot keep a built file in " + spill + ": " + e.getMessage()
                            + "; free some space in the temporary folder", e);
                }
                content = new Spilled(file, bytes.length);
            }
            synchronized (this) {
                if (!origins.containsKey(path)) {
                    throw new IllegalStateException("put before claim: " + path);
                }
                files.put(path, content);
            }
        }

        /**
         * Adds {@code bytes} at {@code path}; returns the origin of an earlier claim on that path (and keeps
         * the earlier file), or null when the path was free.
         */
        public String add(String path, byte[] bytes, String origin) {
            String earlier = claim(path, origin);
            if (earlier == null) {
                put(path, bytes);
            }
            return earlier;
        }

        public synchronized SiteOutput build() {
            return new SiteOutput(new TreeMap<>(files));
        }
    }
}
