package dev.kiln.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the file of a new post: {@code content/posts/YYYY-MM-DD-slug.md} with its front matter. */
public final class NewPost {

    private NewPost() {}

    /** The title of a post from its file's name, as a post without a title gets it: {@code my-post.md} → {@code My Post}. */
    public static String titleOf(String fileName) {
        return FrontMatterParser.titleFromSlug(FrontMatterParser.fileSlug(fileName));
    }

    /**
     * The slug that names a new post's file, and so its URL, made of {@code text} (its title, or a slug given for
     * it): {@code Issue #42 fixed} → {@code issue-42-fixed}, {@code C# tips} → {@code c-sharp-tips}; null when it has
     * no letter or digit ({@code 🎉🎉🎉}), for the caller to ask for words (see {@link Slugs#ofTitle}).
     */
    public static String slugOf(String text) {
        return Slugs.ofTitle(text);
    }

    /**
     * The new post's path below the site folder: {@code content/posts/2026-11-29-hello-world.md} for the slug
     * {@code hello-world}, or for a post bundle ({@link PostBundles}) {@code content/posts/2026-11-29-hello-world/index.md}.
     */
    public static String path(String slug, ZonedDateTime now, boolean bundle) {
        return SourceLoader.POSTS + "/" + DateTimeFormatter.ISO_LOCAL_DATE.format(now) + "-" + slug
                + (bundle ? "/index.md" : ".md");
    }

    /**
     * The day written at the start of a post's file name ({@code 2024-01-01-dated.md}), at the start of that day in
     * the zone of {@code now}, or {@code now} itself when the name has no date or the date is today's.
     */
    public static ZonedDateTime dateOf(String fileName, ZonedDateTime now) {
        return DateParser.fromFileName(fileName, now.getZone())
                .filter(day -> !day.toLocalDate().equals(now.toLocalDate()))
                .orElse(now);
    }

    /** The text of the new post: front matter and a line to replace. */
    public static String text(String title, ZonedDateTime now, List<String> tags, boolean draft) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("title: ").append(YamlText.quote(title)).append('\n');
        out.append("date: ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx").format(now)).append('\n');
        if (!tags.isEmpty()) {
            out.append("tags: [").append(tags.stream().map(YamlText::quote).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        if (draft) {
            out.append("draft: true\n");
        }
        return out.append("---\n\nWrite your post here. The first paragraph is the excerpt on the home page.\n")
                .toString();
    }

    /**
     * Creates the post in {@code root}; refuses to overwrite an existing file.
     *
     * @throws FileAlreadyExistsException when the file is already there
     */
    public static Path write(Path root, String title, ZonedDateTime now, List<String> tags, boolean draft)
            throws FileAlreadyExistsException {
        return write(root, title, slugOf(title), now, tags, draft, false);
    }

    /**
     * Creates the post in {@code root}, its file named by {@code slug} (see {@link #slugOf}), as a post bundle's
     * {@code index.md} when {@code bundle}; refuses to overwrite an existing file.
     *
     * @throws FileAlreadyExistsException when the file is already there
     */
    public static Path write(Path root, String title, String slug, ZonedDateTime now, List<String> tags, boolean draft,
                             boolean bundle) throws FileAlreadyExistsException {
        Path file = root.resolve(path(slug, now, bundle));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text(title, now, tags, draft), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
