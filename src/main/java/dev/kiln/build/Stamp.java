package dev.kiln.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a build of a site was made from, so that {@code kiln build} can tell, in a fraction of a build's
 * time, that nothing changed since it last wrote a folder: a digest of every input file's path, size and
 * modification time (as {@code make} and {@code rsync} judge files), of the options and of Kiln itself,
 * and the number, total size and modification times of the files in the folder it wrote. A build that left out future-dated posts is never
 * trusted later: time alone may publish them.
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
            try (Stream<Path> all = Files.walk(dir)) {
                all.forEach(p -> describe(root, p, lines));
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
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            lines.add(root.relativize(p) + "\t" + (a.isDirectory() ? "dir" : a.isSymbolicLink() ? "link" : a.size())
                    + "\t" + a.lastModifiedTime().toInstant());
        } catch (IOException e) {
            lines.add(root.relativize(p) + "\tmissing");
        }
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
     * The stamp of a build from {@code inputs} whose folder {@code dest} now holds what it wrote: its files
     * but {@code marker}, by number, total size and modification times ("" when it cannot be read).
     */
    public static String current(String inputs, Path dest, String marker) {
        long[] count = {0, 0, 0};
        try (Stream<Path> all = Files.walk(dest)) {
            all.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (!a.isDirectory() && !p.getFileName().toString().equals(marker)) {
                        count[0]++;
                        count[1] += a.size();
                        count[2] += a.lastModifiedTime().toMillis() * 31 + p.hashCode();
                    }
                } catch (IOException e) {
                    count[0] = -1;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
        return PREFIX + inputs + " " + count[0] + " " + count[1] + " " + count[2] + "\n";
    }

    /** Whether {@code dest}'s marker holds exactly {@code stamp}. */
    public static boolean recorded(Path marker, String stamp) {
        try {
            return Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(stamp);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
