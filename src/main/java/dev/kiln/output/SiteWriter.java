package dev.kiln.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a built site to a folder: only files whose bytes changed are written (each through a temporary
 * file and an atomic rename), files no longer in the site are removed, and nothing is touched before the
 * whole site has been built.
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

    /** Makes {@code dest} hold exactly {@code site}. */
    public static Stats write(SiteOutput site, Path dest) {
        try {
            Files.createDirectories(dest);
            Files.write(dest.resolve(MARKER), new byte[0]);
            int written = 0;
            int unchanged = 0;
            for (Map.Entry<String, byte[]> file : site.files().entrySet()) {
                Path target = dest.resolve(file.getKey());
                if (sameBytes(target, file.getValue())) {
                    unchanged++;
                } else {
                    writeAtomically(dest, target, file.getValue());
                    written++;
                }
            }
            int removed = removeStale(site, dest);
            return new Stats(written, unchanged, removed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameBytes(Path target, byte[] bytes) throws IOException {
        if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
            return false;
        }
        return Arrays.equals(Files.readAllBytes(target), bytes);
    }

    private static void writeAtomically(Path dest, Path target, byte[] bytes) throws IOException {
        Path parent = target.getParent();
        for (Path p = parent; !p.equals(dest); p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                Files.delete(p); // a file of the old site stands where the new one needs a folder
            }
        }
        Files.createDirectories(parent);
        if (Files.isDirectory(target)) {
            deleteTree(target); // a folder of the old site stands where the new one has a file
        }
        Path temp = Files.createTempFile(parent, ".kiln-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static int removeStale(SiteOutput site, Path dest) throws IOException {
        List<Path> stale = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dest)) {
            all.forEach(p -> {
                String rel = dest.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty() || rel.equals(MARKER)) {
                    return;
                }
                if (Files.isDirectory(p)) {
                    folders.add(p);
                } else if (!site.files().containsKey(rel)) {
                    stale.add(p);
                }
            });
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
        folders.sort(Comparator.reverseOrder());
        for (Path folder : folders) {
            try {
                Files.deleteIfExists(folder);
            } catch (DirectoryNotEmptyException e) {
                // still holds files of the site
            }
        }
        return stale.size();
    }

    private static void deleteTree(Path dir) throws IOException {
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
