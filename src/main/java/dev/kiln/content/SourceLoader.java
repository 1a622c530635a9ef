package dev.kiln.content;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads the posts, pages and static files of a site folder. */
public final class SourceLoader {

    public static final String CONTENT = "content";
    public static final String POSTS = "content/posts";
    public static final String ASSETS = "assets";

    private SourceLoader() {}

    /** Reads a text file; a dev server's reader may remember texts of unchanged files. */
    @FunctionalInterface
    public interface TextReader {
        String read(Path file) throws CharacterCodingException;
    }

    /** Reads {@code content/} and lists {@code assets/} of {@code root}, in sorted order. */
    public static SiteSources load(Path root) {
        return load(root, SourceLoader::readUtf8);
    }

    /** Reads {@code content/} with {@code reader} and lists {@code assets/} of {@code root}, in sorted order. */
    public static SiteSources load(Path root, TextReader reader) {
        List<SourceFile> posts = new ArrayList<>();
        List<SourceFile> pages = new ArrayList<>();
        List<StaticFile> statics = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : walk(root.resolve(CONTENT))) {
            String rel = relative(root, file);
            if (leavesSite(root, file)) {
                problems.add(Problem.inFile(rel, OUTSIDE));
            } else if (isPage(file)) {
                try {
                    SourceFile source = new SourceFile(rel, reader.read(file));
                    (rel.startsWith(POSTS + "/") ? posts : pages).add(source);
                } catch (CharacterCodingException e) {
                    problems.add(Problem.inFile(rel, "not valid UTF-8 text: save the file as UTF-8"));
                }
            } else {
                statics.add(new StaticFile(rel, file, rel.substring(CONTENT.length() + 1)));
            }
        }
        for (Path file : walk(root.resolve(ASSETS))) {
            String rel = relative(root, file);
            if (leavesSite(root, file)) {
                problems.add(Problem.inFile(rel, OUTSIDE));
            } else {
                statics.add(new StaticFile(rel, file, rel));
            }
        }
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
        return new SiteSources(posts, pages, statics);
    }

    private static final String OUTSIDE = "is a link to a file outside the site folder, which a build never "
            + "publishes: copy the file into the site instead";

    /** A symbolic link whose target is outside the site folder would publish that file. */
    private static boolean leavesSite(Path root, Path file) {
        if (!Files.isSymbolicLink(file)) {
            return false;
        }
        try {
            return !file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return true;
        }
    }

    /** Markdown files are pages; HTML files are pages only when they start with front matter. */
    private static boolean isPage(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return true;
        }
        if (name.endsWith(".html")) {
            try (var in = Files.newInputStream(file)) {
                // A UTF-8 byte order mark may precede the front matter; readUtf8 drops it too.
                String head = new String(in.readNBytes(7), StandardCharsets.UTF_8);
                return (head.startsWith("\uFEFF") ? head.substring(1) : head).startsWith("---");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    /** The text of a UTF-8 file, without a byte order mark; malformed UTF-8 is an error. */
    public static String readUtf8(Path file) throws CharacterCodingException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regular files below {@code dir}, sorted, skipping hidden files and editor leftovers. */
    private static List<Path> walk(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !isIgnored(dir.relativize(f)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hidden files and folders, editor swap and backup files are never part of a site. */
    public static boolean isIgnored(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("#") || name.endsWith("~")
                    || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".tmp")) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
