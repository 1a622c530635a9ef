package dev.kiln.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built site: output path (relative, forward slashes, no leading slash) to bytes, sorted, so that
 * writing and serving it are deterministic.
 *
 * <p>The bytes are held in memory or, for a one-off build, written to disk as soon as they are made and
 * read back when asked for, so that a large site's memory does not grow with its pages: appended to a
 * spill file of the thread that made them ({@link Builder#Builder(Path)}), or, when the destination holds
 * no site yet, written straight at their place there ({@link Builder#placing(Path)}).
 */
public final class SiteOutput {

    /** A file's bytes: held, in a spill file, or already at their place in the destination. */
    private sealed interface Content permits Held, Spilled, Placed {
        byte[] bytes();

        long length();
    }

    private record Held(byte[] bytes) implements Content {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    /** {@code length} bytes at {@code offset} of a spill file, which holds the files one thread made. */
    private record Spilled(Path file, long offset, long length) implements Content {
        @Override
        public byte[] bytes() {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(length));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position()) < 0) {
                        throw new IOException("the file ends before byte " + (offset + length));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("a built file kept in " + file + " cannot be read back", e);
            }
            return buffer.array();
        }
    }

    /** A file written at its place in the destination as it was made. */
    private record Placed(Path file, long length) implements Content {
        @Override
        public byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("a built file written to " + file + " cannot be read back", e);
            }
        }
    }

    private final SortedMap<String, Content> contents;
    private final Map<String, byte[]> view;
    /** The folder every file was written into as it was made, or null. */
    private final Path placedIn;
    /** Whether {@link SiteWriter} has written this site to its destination. */
    private volatile boolean written;

    /** A site held in memory. */
    public SiteOutput(SortedMap<String, byte[]> files) {
        this(held(files), null);
    }

    private static TreeMap<String, Content> held(SortedMap<String, byte[]> files) {
        TreeMap<String, Content> held = new TreeMap<>();
        files.forEach((path, bytes) -> held.put(path, new Held(bytes)));
        return held;
    }

    private SiteOutput(TreeMap<String, Content> contents, Path placedIn) {
        this.contents = Collections.unmodifiableSortedMap(contents);
        this.view = new FilesView();
        this.placedIn = placedIn;
    }

    /**
     * The folder that already holds every file of this site, at its place, because it was written there as
     * it was made ({@link Builder#placing}); null otherwise.
     */
    Path placedIn() {
        return placedIn;
    }

    /** Whether {@link SiteWriter#write} has written this site to a destination. */
    public boolean written() {
        return written;
    }

    void markWritten() {
        written = true;
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
        /** Where the bytes go: null (held), a spill folder, or the destination they are placed in. */
        private final Path folder;
        private final boolean placing;
        /** Each thread's spill file (one file a thread, not one a page: see {@link #Builder(Path)}). */
        private final Map<Thread, Appender> appenders = new ConcurrentHashMap<>();
        /** The folders made for placed files (their parents known to exist), so that each is made once. */
        private final Set<Path> folders = ConcurrentHashMap.newKeySet();

        /** A builder that holds the bytes in memory. */
        public Builder() {
            this(null, false);
        }

        /**
         * A builder that appends each file's bytes, as soon as it gets them, to a spill file in the existing
         * folder {@code spill}, one for each thread that puts files (in memory when {@code spill} is null).
         * One file a thread rather than one a page: a file a page made and deleted thousands of inodes a
         * build, and a file system without a journal (ext4's) then scans past every recently deleted one for
         * each new inode it makes, the next build and the ones after it.
         */
        public Builder(Path spill) {
            this(spill, false);
        }

        private Builder(Path folder, boolean placing) {
            this.folder = folder;
            this.placing = placing;
        }

        /**
         * A builder that writes each file at its place in {@code dest} as soon as it gets it, its folders
         * made as they are needed, so that every file is written once and made in its own folder (files and
         * folders spread over the disk as the site is). {@code dest} must hold no site: missing or empty
         * (see {@link SiteWriter#holdsNoSite}); a build that fails after this must {@link SiteWriter#discard} it.
         * The marker of Kiln's output is written first, so that a build killed half-way leaves a folder that
         * the next build recognizes and completes.
         */
        public static Builder placing(Path dest) {
            if (!SiteWriter.holdsNoSite(dest)) {
                throw new IllegalArgumentException(dest + " is not empty");
            }
            try {
                Files.createDirectories(dest);
                Files.write(dest.resolve(SiteWriter.MARKER), new byte[0]);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + dest + ": " + e.getMessage(), e);
            }
            return new Builder(dest, true);
        }

        /**
         * Claims {@code path} for {@code origin}, whose bytes {@link #put} adds later; returns the origin of
         * an earlier claim on that path (which keeps it), or null when the path was free.
         */
        public synchronized String claim(String path, String origin) {
            return origins.putIfAbsent(path, origin);
        }

        /** The origin of the claim on {@code path}, or null. */
        public synchronized String origin(String path) {
            return origins.get(path);
        }

        /**
         * The claimed paths that another claimed path needs as a folder ({@code about} and
         * {@code about/index.html}), each with the first such path: a site cannot hold both.
         */
        public synchronized SortedMap<String, String> folderClashes() {
            SortedMap<String, String> clashes = new TreeMap<>();
            for (String path : origins.keySet()) {
                for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    String folder = path.substring(0, slash);
                    if (origins.containsKey(folder)) {
                        clashes.putIfAbsent(folder, path);
                    }
                }
            }
            return clashes;
        }

        /** The bytes of a path this builder's caller has claimed. */
        public void put(String path, byte[] bytes) {
            synchronized (this) {
                if (!origins.containsKey(path)) {
                    throw new IllegalStateException("put before claim: " + path);
                }
            }
            Content content;
            if (folder == null) {
                content = new Held(bytes);
            } else if (placing) {
                content = place(path, bytes);
            } else {
                content = appenders.computeIfAbsent(Thread.currentThread(), t -> newAppender()).append(bytes);
            }
            synchronized (this) {
                files.put(path, content);
            }
        }

        private Placed place(String path, byte[] bytes) {
            Path file = folder.resolve(path);
            try {
                SiteWriter.makeNewFolder(folder, file.getParent(), folders);
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            return new Placed(file, bytes.length);
        }

        private Appender newAppender() {
            try {
                Path file = Files.createTempFile(folder, "pages-", "");
                return new Appender(file, FileChannel.open(file, StandardOpenOption.WRITE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the built files in " + folder + ": " + e.getMessage()
                        + "; free some space in the temporary folder", e);
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

        /** The site: call once every file is put; the spill files are closed for writing. */
        public synchronized SiteOutput build() {
            appenders.values().forEach(Appender::close);
            appenders.clear();
            return new SiteOutput(new TreeMap<>(files), placing ? folder : null);
        }
    }

    /** One thread's spill file, which it appends the bytes of its files to. */
    private static final class Appender {
        private final Path file;
        private final FileChannel channel;
        private long size;

        Appender(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        Spilled append(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer, size + buffer.position());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep a built file in " + file + ": " + e.getMessage()
                        + "; free some space in the temporary folder", e);
            }
            Spilled spilled = new Spilled(file, size, bytes.length);
            size += bytes.length;
            return spilled;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
