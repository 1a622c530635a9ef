package dev.kiln.build;

import dev.kiln.output.SiteOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a build of a site was made from, so that {@code kiln build} can tell, in a fraction of a build's
 * time, that nothing changed since it last wrote a folder: a digest of every input file's path, size and
 * modification time (as {@code make} and {@code rsync} judge files), of the options and of Kiln itself,
 * and the number and total size of the files in the folder it wrote, none of them modified since the stamp
 * was. A build that left out future-dated posts is never trusted later: time alone may publish them.
 */
public final class Stamp {

    private static final String PREFIX = "kiln-stamp ";

    private Stamp() {}

    /** The digest of the inputs of a build of {@code options.source()} with {@code options}, by Kiln {@code version}. */
    public static String inputs(BuildOptions options, String version, List<String> folders, List<String> files) {
        Path root = options.source();
        List<String> lines = new ArrayList<>();
        lines.add("kiln " + version + " " + codeIdentity());
        lines.add("options drafts=" + options.drafts() + " future=" + options.future() + " base=" + options.baseUrl());
        for (String file : files) {
            describe(root, root.resolve(file), lines);
        }
        for (String folder : folders) {
            Path dir = root.resolve(folder);
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                        lines.add(describe(root, d, a));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                        lines.add(describe(root, f, a));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path f, IOException e) {
                        lines.add("unreadable " + root.relativize(f) + " " + System.nanoTime()); // never equal: build
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                lines.add("unreadable " + folder + " " + System.nanoTime()); // never equal: build
            }
        }
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void describe(Path root, Path p, List<String> lines) {
        try {
            lines.add(describe(root, p, Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
        } catch (IOException e) {
            lines.add(root.relativize(p) + "\tmissing");
        }
    }

    /** A line naming {@code p} (relative to {@code root}), what it is, its size and modification time. */
    private static String describe(Path root, Path p, BasicFileAttributes a) {
        return root.relativize(p) + "\t" + (a.isDirectory() ? "dir" : a.isSymbolicLink() ? "link" : a.size())
                + "\t" + a.lastModifiedTime().toInstant();
    }

    /** The jar (or class folder) Kiln runs from, by size and time: a rebuilt Kiln may build differently. */
    private static String codeIdentity() {
        try {
            Path code = Path.of(Stamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
            return code + " " + a.size() + " " + a.lastModifiedTime().toInstant();
        } catch (Exception e) {
            return "unknown " + System.nanoTime(); // never equal: build
        }
    }

    /**
     * The stamp of a build from {@code inputs} that left exactly {@code site}'s files in its folder: their
     * number and total size, known without a walk of the folder. The marker file it is written to is its
     * clock: a file of the folder written after the marker is newer than it (see {@link #unchanged}).
     */
    public static String written(String inputs, SiteOutput site) {
        long bytes = 0;
        for (String path : site.files().keySet()) {
            bytes += site.length(path);
        }
        return PREFIX + inputs + " " + site.size() + " " + bytes + "\n";
    }

    /**
     * Whether {@code dest} holds what a build from {@code inputs} wrote there, as its {@code marker} file
     * records: as many files (the marker aside) of the same total size, none modified after the marker was
     * written. {@code dest} is walked only when the marker names these inputs: after an edit it names
     * others, and a large site's walk (~29,000 entries at 10,000 posts) would be for nothing.
     */
    public static boolean unchanged(Path dest, String marker, String inputs) {
        Path file = dest.resolve(marker);
        String recorded = read(file);
        if (recorded == null || !recorded.startsWith(PREFIX + inputs + " ")) {
            return false;
        }
        long written;
        long[] total;
        try {
            written = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
            total = tally(dest, marker);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        return recorded.equals(PREFIX + inputs + " " + total[0] + " " + total[1] + "\n") && total[2] <= written;
    }

    /**
     * The number, total size and latest modification time (ns) of the files under {@code dest} but
     * {@code marker}. The folder's top entries (a year's posts, the tags...) are walked on every core.
     */
    private static long[] tally(Path dest, String marker) throws IOException {
        List<Path> tops;
        try (var entries = Files.list(dest)) {
            tops = entries.filter(top -> !top.getFileName().toString().equals(marker)).toList();
        }
        return tops.parallelStream().map(Stamp::tally).reduce(new long[] {0, 0, Long.MIN_VALUE},
                (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], Math.max(a[2], b[2])});
    }

    /** The number, total size and latest modification time (ns) of the files at or under {@code top}. */
    private static long[] tally(Path top) {
        long[] count = {0, 0, Long.MIN_VALUE};
        try {
            // The walk's own attributes of each entry: one stat a file, not two.
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    if (!a.isDirectory()) {
                        count[0]++;
                        count[1] += a.size();
                        count[2] = Math.max(count[2], a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /** The text of the marker file {@code marker}, or null when there is none or it cannot be read. */
    private static String read(Path marker) {
        try {
            return Files.isRegularFile(marker) ? Files.readString(marker, StandardCharsets.UTF_8) : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }
}
