package dev.kiln.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes a built site to a folder: only files whose bytes changed are written, files no longer in the site
 * are removed, nothing of an old site is touched before the whole new one has been built, and a write
 * killed at any moment leaves the old site or (after {@link #recover}) the new one, never a mix.
 */
public final class SiteWriter {

    /** Marks a folder as Kiln's output, so that a build never empties a folder it did not write. */
    public static final String MARKER = ".kiln-output";

    private SiteWriter() {}

    /** What a write did. */
    public record Stats(int written, int unchanged, int removed) {}

    /**
     * Refuses a destination that would put sources at risk; returns why, or null when {@code dest} is
     * safe for the site in {@code source}.
     */
    public static String unsafeDestination(Path source, Path dest, List<String> sourceFolders) {
        Path src = real(source);
        Path dst = real(dest);
        if (dst.getParent() == null) {
            return "is the root of the file system";
        }
        if (dst.equals(real(Path.of(System.getProperty("user.home"))))) {
            return "is your home folder";
        }
        if (src.startsWith(dst)) {
            return src.equals(dst) ? "is the site folder itself" : "contains the site folder";
        }
        for (String folder : sourceFolders) {
            if (dst.startsWith(src.resolve(folder))) {
                return "is inside the site's " + folder + "/ folder";
            }
        }
        if (Files.exists(dst) && !Files.isDirectory(dst)) {
            return "is a file, not a folder";
        }
        if (Files.isDirectory(dst) && !Files.exists(dst.resolve(MARKER)) && !isEmpty(dst)) {
            return "is a folder with files that Kiln did not write: choose an empty or new folder";
        }
        return null;
    }

    /**
     * Whether {@code dest} holds no site, nor anything else: it is missing or an empty folder. A build can
     * then write its files there as it makes them ({@link SiteOutput.Builder#placing}): there is no old
     * site to keep whole until the new one is complete.
     */
    public static boolean holdsNoSite(Path dest) {
        return Files.notExists(dest) || (Files.isDirectory(dest) && isEmpty(dest));
    }

    /**
     * Changed files wait here, numbered, until the journal commits them (inside dest: same file system, one
     * rename each).
     */
    static final String STAGING = ".kiln-staging";
    /** Written at the commit point: every file to put and remove, so that a crashed write can be finished. */
    static final String JOURNAL = ".kiln-journal";

    /** Called before each change a write makes, so that a test can stop a write there as a crash would. */
    @FunctionalInterface
    interface Steps {
        void before(String step) throws IOException;
    }

    /**
     * Makes {@code dest} hold exactly {@code site}. Changed files are first staged beside the old site,
     * which stays whole; then a journal commits the change, and the files are moved into place. A write
     * killed before the commit leaves the old site; one killed after it is finished by {@link #recover}. A
     * site already placed in {@code dest} as it was built (which held no site) is there: nothing to do.
     */
    public static Stats write(SiteOutput site, Path dest) {
        Stats stats = write(site, dest, step -> {});
        site.markWritten();
        return stats;
    }

    static Stats write(SiteOutput site, Path dest, Steps steps) {
        if (dest.equals(site.placedIn())) { // every file already is at its place, in a folder that held no site
            return new Stats(site.size(), 0, 0);
        }
        try {
            Files.createDirectories(dest);
            recover(dest);
            if (!Files.exists(dest.resolve(MARKER))) {
                steps.before("marker");
                Files.write(dest.resolve(MARKER), new byte[0]);
            }
            Path staging = dest.resolve(STAGING);
            List<String> put = new ArrayList<>();
            int unchanged = 0;
            boolean staged = false;
            // Reading the old site back to compare is most of a rebuild's write: on every core.
            List<String> paths = new ArrayList<>(site.files().keySet());
            boolean[] same = new boolean[paths.size()];
            IntStream.range(0, paths.size()).parallel().forEach(i -> same[i] = sameBytes(dest, site, paths.get(i)));
            for (int i = 0; i < paths.size(); i++) {
                String path = paths.get(i);
                if (same[i]) {
                    unchanged++;
                } else {
                    steps.before("stage " + path);
                    if (!staged) {
                        Files.createDirectories(staging);
                        staged = true;
                    }
                    Files.write(staged(staging, put.size()), site.get(path));
                    put.add(path);
                }
            }
            List<String> remove = stale(site, dest);
            if (put.isEmpty() && remove.isEmpty()) {
                deleteTree(staging);
                return new Stats(0, unchanged, 0);
            }
            steps.before("commit");
            writeJournal(dest, put, remove);
            apply(dest, put, remove, steps);
            return new Stats(put.size(), unchanged, remove.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finishes a write of {@code dest} that was killed after its commit, or drops the files staged by one
     * killed before it; the next write does this first.
     */
    public static void recover(Path dest) {
        try {
            Path journal = dest.resolve(JOURNAL);
            if (Files.isRegularFile(journal)) {
                List<String> put = new ArrayList<>();
                List<String> remove = new ArrayList<>();
                for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                    String path = URLDecoder.decode(line.substring(2), StandardCharsets.UTF_8);
                    (line.startsWith("P ") ? put : remove).add(path);
                }
                apply(dest, put, remove, step -> {});
            } else {
                deleteTree(dest.resolve(STAGING));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeJournal(Path dest, List<String> put, List<String> remove) throws IOException {
        StringBuilder text = new StringBuilder();
        put.forEach(p -> text.append("P ").append(URLEncoder.encode(p, StandardCharsets.UTF_8)).append('\n'));
        remove.forEach(p -> text.append("R ").append(URLEncoder.encode(p, StandardCharsets.UTF_8)).append('\n'));
        Path temp = Files.createTempFile(dest, ".kiln-", ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        // The rename is the commit point: the journal is there whole, or not at all.
        Files.move(temp, dest.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Moves the staged files into place and removes the stale ones; safe to run again after a crash. */
    private static void apply(Path dest, List<String> put, List<String> remove, Steps steps) throws IOException {
        Path staging = dest.resolve(STAGING);
        java.util.Set<Path> folders = new java.util.HashSet<>(); // folders of the new site already in place
        for (int i = 0; i < put.size(); i++) {
            String path = put.get(i);
            Path staged = staged(staging, i);
            if (Files.isRegularFile(staged)) { // else it was moved before a crash
                steps.before("put " + path);
                moveIntoPlace(dest, staged, dest.resolve(path), folders);
            }
        }
        for (String path : remove) {
            steps.before("remove " + path);
            Path file = dest.resolve(path);
            // Gone already when a new file took its folder's place, or a new folder took its own.
            if (Files.isDirectory(file.getParent()) && !Files.isDirectory(file)) {
                Files.deleteIfExists(file);
            }
        }
        if (!remove.isEmpty()) { // only removing files can leave a folder empty
            removeEmptyFolders(dest);
        }
        steps.before("finish");
        Files.deleteIfExists(dest.resolve(JOURNAL));
        deleteTree(staging);
    }

    /**
     * Where the {@code n}th file to put waits: staged files are numbered in the journal's order, in one
     * folder, rather than laid out as the site is, so that staging makes no folders (making a site's
     * thousands of folders twice, and removing one set, was most of a large site's write).
     */
    private static Path staged(Path staging, int n) {
        return staging.resolve(Integer.toString(n));
    }

    /**
     * Whether {@code dest} holds the bytes of {@code site}'s file at {@code path} (read only when the sizes
     * match).
     */
    private static boolean sameBytes(Path dest, SiteOutput site, String path) {
        Path target = dest.resolve(path);
        try {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(target, BasicFileAttributes.class);
            } catch (IOException e) {
                return false; // no such file, or a file of the old site where the new one has a folder
            }
            if (!attributes.isRegularFile() || attributes.size() != site.length(path)) {
                return false;
            }
            return Arrays.equals(Files.readAllBytes(target), site.get(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void moveIntoPlace(Path dest, Path staged, Path target, java.util.Set<Path> folders)
            throws IOException {
        makeFolder(dest, target.getParent(), folders);
        if (Files.isDirectory(target)) {
            deleteTree(target); // a folder of the old site stands where the new one has a file
        }
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Makes {@code folder} inside {@code dest}, and the folders up to it, removing a file of an old site that
     * stands where one of them goes; {@code made} holds the folders known to exist, so that each is made
     * once (a concurrent set when several threads make folders).
     */
    static void makeFolder(Path dest, Path folder, java.util.Set<Path> made) throws IOException {
        if (folder.equals(dest) || made.contains(folder)) {
            return;
        }
        for (Path p = folder; !p.equals(dest) && !made.contains(p); p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                Files.delete(p);
            }
        }
        Files.createDirectories(folder);
        for (Path p = folder; !p.equals(dest) && made.add(p); p = p.getParent()) {
            // every folder up to dest is a folder now
        }
    }

    /**
     * Makes {@code folder} inside {@code dest}, which held no site when the build began (see
     * {@link SiteOutput.Builder#placing}), and the folders up to it; {@code made} as for {@link #makeFolder}.
     * Made from the top down, each with one call that succeeds, as nothing of an old site stands in the way:
     * asking first whether each is a file, and letting {@code createDirectories} find the first missing one,
     * threw and caught an exception or two for every folder of a new site (2% of a 10,000-post build).
     */
    static void makeNewFolder(Path dest, Path folder, java.util.Set<Path> made) throws IOException {
        if (folder.equals(dest) || made.contains(folder)) {
            return;
        }
        java.util.ArrayDeque<Path> missing = new java.util.ArrayDeque<>();
        for (Path p = folder; !p.equals(dest) && !made.contains(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) { // the topmost first
            try {
                Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                } // else another thread made it
            }
            made.add(p);
        }
    }

    /**
     * Removes everything in {@code dest}, which held no site before a build placed its files there: for a
     * build that failed, or whose site was not written.
     */
    public static void discard(Path dest) {
        if (Files.notExists(dest)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dest)) {
            for (Path entry : entries.toList()) {
                deleteTree(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the files a failed build wrote to " + dest, e);
        }
    }

    /** The files of {@code dest} that are not part of {@code site} (Kiln's own files aside). */
    private static List<String> stale(SiteOutput site, Path dest) throws IOException {
        List<String> stale = new ArrayList<>();
        // The walk's own attributes tell files from folders: one stat an entry.
        Files.walkFileTree(dest, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(dest.resolve(STAGING)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = dest.relativize(file).toString().replace('\\', '/');
                boolean folder = attrs.isDirectory() || attrs.isSymbolicLink() && Files.isDirectory(file);
                if (!folder && !isKilns(rel) && !site.files().containsKey(rel)) {
                    stale.add(rel);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        stale.sort(null);
        return stale;
    }

    private static boolean isKilns(String rel) {
        return rel.equals(MARKER) || rel.equals(JOURNAL) || rel.equals(STAGING) || rel.startsWith(STAGING + "/");
    }

    private static void removeEmptyFolders(Path dest) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dest)) {
            all.filter(p -> !p.equals(dest) && Files.isDirectory(p)
                    && !isKilns(dest.relativize(p).toString().replace('\\', '/'))).forEach(folders::add);
        }
        folders.sort(Comparator.reverseOrder());
        for (Path folder : folders) {
            try {
                Files.deleteIfExists(folder);
            } catch (DirectoryNotEmptyException e) {
                // still holds files of the site
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code p} with every link resolved, also for a folder yet to be made (through its nearest existing parent). */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
