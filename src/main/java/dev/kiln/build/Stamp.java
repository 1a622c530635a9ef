package dev.kiln.build;

import dev.kiln.output.SiteOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What a build of a site was made from, so that {@code kiln build} can tell, in a fraction of a build's
 * time, that nothing changed since it last wrote a folder: a digest of every input file's path, size and
 * modification time (as {@code make} and {@code rsync} judge files), of the options and of Kiln itself,
 * and the number and total size of the files in the folder it wrote, none of them modified since the stamp
 * was. A build that left out future-dated posts, or holds a page with an expiryDate to come, is never trusted later:
 * time alone may change them.
 */
public final class Stamp {

    private static final String PREFIX = "kiln-stamp ";

    private Stamp() {}

    /**
     * The digest of a build's inputs, and whether a symbolic link stands in their folders: the launcher's check,
     * which asks {@code find} about the files' own status there, would not see an edit to a file a link leads to.
     */
    public record Inputs(String digest, boolean links) {}

    /**
     * The digest of the inputs of a build of {@code options.source()} with {@code options}, by Kiln {@code version},
     * and whether a symbolic link stands in {@code folders}.
     */
    public static Inputs read(BuildOptions options, String version, List<String> folders, List<String> files) {
        Path root = options.source();
        List<String> lines = new ArrayList<>();
        lines.add("kiln " + version + " " + codeIdentity());
        lines.add("options drafts=" + options.drafts() + " future=" + options.future() + " base=" + options.baseUrl());
        for (String file : files) {
            describe(root, root.resolve(file), lines);
        }
        // The files named at the top (site.yml -> shared.yml) the launcher looks at through their links too.
        boolean links = false;
        for (String folder : folders) {
            Path dir = root.resolve(folder);
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Walk walk = new Walk(root, lines, null);
            try {
                walk.walk(dir);
            } catch (IOException | UncheckedIOException e) {
                lines.add("unreadable " + folder + " " + System.nanoTime()); // never equal: build
            }
            links |= walk.links;
        }
        lines.sort(null);
        return new Inputs(digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), links);
    }

    /**
     * The digest of a description: its CRC-32 and CRC-32C (two different polynomials, 64 bits together)
     * and its length. Not SHA-256: a digest here guards against accidents, not attacks, and the first
     * {@code MessageDigest} of a JVM sets up the JDK's security providers and algorithm constraints, ~15 ms
     * of every command's start, before anything else can run.
     */
    static String digest(byte[] description) {
        CRC32 crc = new CRC32();
        crc.update(description);
        CRC32C crcC = new CRC32C();
        crcC.update(description);
        // Each value is 32 bits: 1L << 32 adds a ninth hex digit, dropped, so that each has eight.
        return Long.toHexString(crc.getValue() | 1L << 32).substring(1)
                + Long.toHexString(crcC.getValue() | 1L << 32).substring(1) + "-" + description.length;
    }

    private static void describe(Path root, Path p, List<String> lines) {
        try {
            lines.add(describe(root, p, attributes(p, isPosix(p))));
        } catch (IOException e) {
            lines.add(root.relativize(p) + "\tmissing");
        }
    }

    /**
     * A line naming {@code p} (relative to {@code root}), what it is, its size and modification time, and its
     * permissions where the file system has them: {@code chmod} changes neither size nor time, and a file
     * made unreadable must be built (and reported) again.
     */
    private static String describe(Path root, Path p, BasicFileAttributes a) {
        String line = root.relativize(p) + "\t" + (a.isDirectory() ? "dir" : a.isSymbolicLink() ? "link" : a.size())
                + "\t" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) // a number: no date formatter to load
                + (a instanceof PosixFileAttributes posix ? "\t" + mode(posix) : "");
        if (!a.isSymbolicLink()) {
            return line;
        }
        // A link's file is read through it (content/posts/a.md -> ~/notes/a.md): an edit there changes the build.
        try {
            BasicFileAttributes target = a instanceof PosixFileAttributes
                    ? Files.readAttributes(p, PosixFileAttributes.class) : Files.readAttributes(p, BasicFileAttributes.class);
            return line + "\t-> " + (target.isDirectory() ? "dir" : target.size()) + "\t"
                    + target.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                    + (target instanceof PosixFileAttributes posix ? "\t" + mode(posix) : "");
        } catch (IOException e) {
            return line + "\t-> missing";
        }
    }

    /** Whether the file system of {@code p} keeps permission bits (POSIX), which one stat reads with the rest. */
    private static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The attributes of {@code p} itself (not of a link's target), with its permissions when {@code posix}. */
    private static BasicFileAttributes attributes(Path p, boolean posix) throws IOException {
        return posix ? Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** The nine permission bits of {@code a}, as a number. */
    private static int mode(PosixFileAttributes a) {
        int mode = 0;
        for (PosixFilePermission permission : a.permissions()) {
            mode |= 1 << permission.ordinal();
        }
        return mode;
    }

    /** The jar (or class folder) Kiln runs from, by size and time: a rebuilt Kiln may build differently. */
    private static String codeIdentity() {
        try {
            Path code = Path.of(Stamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
            return code + " " + a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
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
     * The inputs of a build that wrote its site with broken links (warnings): a stamp of them tells a
     * build without {@code --strict} that nothing changed, and a {@code --strict} one, whose verdict on the
     * same inputs would differ, that it must build.
     */
    public static String withBrokenLinks(String inputs) {
        return inputs + "+broken-links";
    }

    /**
     * Whether {@code dest} holds what a build from {@code inputs} wrote there, as its {@code marker} file
     * records: as many files (the marker aside) of the same total size, none modified after the marker was
     * written. {@code dest} is walked only when the marker names these inputs: after an edit it names
     * others, and a large site's walk (~29,000 entries at 10,000 posts) would be for nothing.
     */
    public static boolean unchanged(Path dest, String marker, String inputs) {
        return unchanged(dest, marker, inputs, false);
    }

    /**
     * {@link #unchanged(Path, String, String)}, also true of a build from {@code inputs} that wrote its site with
     * broken links when {@code brokenLinksDo} (a build without {@code --strict}): the marker is read once.
     */
    public static boolean unchanged(Path dest, String marker, String inputs, boolean brokenLinksDo) {
        Path file = dest.resolve(marker);
        String recorded = read(file);
        if (recorded == null) {
            return false;
        }
        if (brokenLinksDo && recorded.startsWith(PREFIX + withBrokenLinks(inputs) + " ")) {
            inputs = withBrokenLinks(inputs);
        } else if (!recorded.startsWith(PREFIX + inputs + " ")) {
            return false;
        }
        long written;
        long[] total;
        try {
            written = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
            // The folder a link names (--dest public, public -> /srv/www): the link itself is no file of the site.
            total = tally(dest.toRealPath(), marker);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        return firstLine(recorded).equals(PREFIX + inputs + " " + total[0] + " " + total[1] + "\n") && total[2] <= written;
    }

    /** The first line of {@code marker}'s text, its end included: the stamp; the launcher's lines follow it. */
    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /**
     * The lines the {@code kiln} launcher reads after the stamp, to tell without starting a JVM that nothing changed
     * since this build: the build's working folder and arguments, and its inputs: those there, files or folders, which
     * must have had no change of status (content, time, permissions, name: a file's {@code ctime}) since
     * {@code sinceMillis}, a second before this build began to read them (file times are kept by a coarser clock than
     * Java's), and those absent, which must still be. The launcher compares them with its own command, asks GNU
     * {@code find} about them and about any file of the output changed after the marker was written, and otherwise
     * runs Kiln, whose own check (above) decides. {@code kiln} is the launcher that started this build (its
     * {@code kiln.launcher}): another Kiln (another clone or install, whose jar may be older than this build) must
     * not take this build for its own. Empty when a path or argument holds a line break (the launcher reads lines),
     * or when no launcher started this build.
     */
    public static String launcher(long sinceMillis, String cwd, String kiln, List<String> arguments, Path source,
            List<String> folders, List<String> files) {
        if (kiln == null) {
            return "";
        }
        Path root = source.toAbsolutePath();
        // The site's folder by its device and inode, which the launcher asks find for: the same path may name
        // another folder since (a symbolic link in it pointed elsewhere, the folder or one above it replaced by a
        // rename), whose files' status has not changed. Without them, nothing for the launcher to tell.
        Object device;
        Object inode;
        try {
            java.util.Map<String, Object> id = Files.readAttributes(root, "unix:dev,ino");
            device = id.get("dev");
            inode = id.get("ino");
        } catch (IOException | RuntimeException e) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        lines.append("since ").append(sinceMillis / 1000).append('.')
                .append(Long.toString(1000 + sinceMillis % 1000).substring(1)).append('\n');
        lines.append("cwd ").append(cwd).append('\n');
        lines.append("kiln ").append(kiln).append('\n');
        lines.append("root ").append(device).append(':').append(inode).append(' ').append(root).append('\n');
        for (String argument : arguments) {
            lines.append("arg ").append(argument).append('\n');
        }
        int count = 4 + arguments.size();
        for (List<String> names : List.of(files, folders)) {
            for (String name : names) {
                Path p = root.resolve(name);
                lines.append(Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? "tree " : "absent ").append(p).append('\n');
                count++;
            }
        }
        lines.append("end\n"); // a marker cut short tells the launcher nothing
        String text = lines.toString();
        return text.chars().filter(c -> c == '\n').count() == count + 1 ? text : "";
    }

    /**
     * The number, total size and latest modification time (ns) of the files under {@code dest} but
     * {@code marker}. One thread: a folder that has not changed since the last build is one this JVM has
     * just started to look at, and a pool's threads and streams cost more than they save below ~10,000
     * posts.
     */
    private static long[] tally(Path dest, String marker) throws IOException {
        Walk walk = new Walk(dest, null, dest.resolve(marker));
        walk.walk(dest);
        return new long[] {walk.files, walk.bytes, walk.latest};
    }

    /**
     * One walk of a folder, by the attributes the walk itself read (one stat an entry, with the permission
     * bits where the file system has them, which {@code Files.walkFileTree}'s attributes do not give): either
     * every entry described into {@code lines} (the inputs), or the files but {@code skip} counted, their
     * sizes summed and their latest time kept (the output). One class for both, so that a start-up archive
     * recorded by a build holds what a check that nothing changed runs. Links are not followed.
     */
    private static final class Walk {
        private final Path root;
        private final List<String> lines;
        private final Path skip;
        private final boolean posix;
        long files;
        long bytes;
        long latest = Long.MIN_VALUE;
        /** Whether a symbolic link was described. */
        boolean links;

        Walk(Path root, List<String> lines, Path skip) {
            this.root = root;
            this.lines = lines;
            this.skip = skip;
            this.posix = isPosix(root);
        }

        /** Describes or counts {@code p} and, when it is a folder, everything below it. */
        void walk(Path p) throws IOException {
            BasicFileAttributes a;
            try {
                a = attributes(p, posix);
            } catch (IOException e) {
                failed(p, e);
                return;
            }
            if (lines != null) {
                lines.add(describe(root, p, a));
                links |= a.isSymbolicLink();
            } else if (!a.isDirectory() && !p.equals(skip)) {
                files++;
                bytes += a.size();
                latest = Math.max(latest, a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            }
            if (a.isDirectory()) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
                    for (Path entry : entries) {
                        walk(entry);
                    }
                } catch (IOException e) {
                    failed(p, e);
                } catch (DirectoryIteratorException e) {
                    failed(p, e.getCause());
                }
            }
        }

        private void failed(Path p, IOException e) throws IOException {
            if (lines == null) {
                throw e; // an output that cannot be read is not known to be unchanged
            }
            lines.add("unreadable " + root.relativize(p) + " " + System.nanoTime()); // never equal: build
        }
    }

    /**
     * Puts {@code launcher}'s lines after the stamp in {@code marker}, in place of those of the build that wrote it,
     * after Kiln found that nothing changed since: the launcher then tells it the next time by itself. A marker
     * that cannot be read or written is left as it is (the launcher then runs Kiln, which checks).
     */
    public static void relaunch(Path marker, String launcher) {
        String recorded = read(marker);
        if (recorded == null || launcher.isEmpty()) {
            return;
        }
        try {
            Files.writeString(marker, firstLine(recorded) + launcher, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            // Not needed: Kiln's own check stays right.
        }
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
