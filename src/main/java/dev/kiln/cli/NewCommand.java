package dev.kiln.cli;

import dev.kiln.build.Build;
import dev.kiln.content.NewPost;
import org.apache.commons.cli.CommandLine;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/** {@code kiln new post "Title"}: starts a post; {@code kiln new site DIR}: starts a site folder. */
final class NewCommand extends Command {

    NewCommand() {
        super("new", "Starts new content: a post (kiln new post \"Title\", or by its path as Hugo takes it: kiln new "
                + "posts/my-post.md) or a site folder (kiln new site DIR).");
        options.addOption(valued("source", "DIR", "The site folder of kiln new posts/NAME.md. Default: ."));
    }

    @Override
    List<Command> subcommands() {
        return List.of(new Post(), new NewSite());
    }

    /** A post named by its path, as Hugo's {@code hugo new posts/my-post.md} names it. */
    private static final java.util.regex.Pattern POST_PATH =
            java.util.regex.Pattern.compile("(?:\\./)?(?:content/)?posts?/([^/]+?)(/index)?\\.(?:md|markdown)");

    private static final java.util.regex.Pattern DATED = java.util.regex.Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}-.+");

    /**
     * {@code kiln new} without {@code post} or {@code site}: a post's path as Hugo takes it
     * ({@code posts/my-first-post.md}) starts that post; anything else says what to type.
     */
    @Override
    int run(CommandLine line) {
        List<String> given = line.getArgList();
        if (given.isEmpty()) {
            throw new UsageError("say what to start: kiln new post \"Title\" (a post in content/posts/) or kiln new "
                    + "site DIR (a new site folder)");
        }
        java.util.regex.Matcher post = POST_PATH.matcher(given.get(0));
        if (given.size() == 1 && post.matches()) {
            // posts/my-trip/index.md is a post bundle, as Hugo users start one (README, Folders)
            String name = post.group(1) + (post.group(2) == null ? ".md" : "");
            String title = NewPost.titleOf(name);
            Path source = path(line, "source", ".");
            if (!Files.isDirectory(source)) {
                throw new UsageError("--source " + source + " is not a folder");
            }
            if (!SiteOptions.site(source, System.err)) {
                return 2;
            }
            ZonedDateTime now = ZonedDateTime.now(Build.timezoneOf(source)).withNano(0);
            if (DATED.matcher(name).matches() && dev.kiln.content.DateParser.fromFileName(name, now.getZone())
                    .isEmpty()) {
                throw new UsageError(given.get(0) + " starts with a date that is no day of the calendar: write "
                        + "YYYY-MM-DD-" + name.substring(name.indexOf('-', 8) + 1).replaceFirst("\\.md$", "")
                        + " with a real date, or leave the date out for today's");
            }
            String slug = NewPost.slugOf(title);
            if (slug == null) {
                throw new UsageError(given.get(0) + " has no letter or digit to make the post's URL of: name it with"
                        + " words, like posts/party-time.md (its title can be anything: set title: in its front matter)");
            }
            return Post.write(source, title, slug, NewPost.dateOf(name, now), List.of(), false, post.group(2) != null);
        }
        if (given.get(0).endsWith(".md") || given.get(0).endsWith(".markdown")) {
            throw new UsageError("kiln new starts posts (kiln new post \"Title\" writes content/posts/YYYY-MM-DD-slug.md) "
                    + "and sites (kiln new site DIR); a page such as " + given.get(0) + " is a file you write yourself "
                    + "under content/, front matter (---, title: About, ---) then Markdown");
        }
        if (given.get(0).equals("content")) { // Hugo 0.120's hugo new content posts/x.md
            String path = given.size() > 1 ? given.get(1) : "posts/my-post.md";
            throw new UsageError("kiln new has no command 'content': Hugo's hugo new content " + path
                    + (POST_PATH.matcher(path).matches() ? " is kiln new " + path : " has no counterpart: kiln new "
                    + "starts posts (kiln new posts/my-post.md); a page such as " + path + " is a file you write "
                    + "yourself under content/"));
        }
        throw new UsageError("kiln new has no command '" + given.get(0) + "': kiln new post \"Title\" or kiln new "
                + "site DIR");
    }

    /** {@code kiln new post}. */
    static final class Post extends Command {

        Post() {
            super("new post", "Writes content/posts/YYYY-MM-DD-slug.md with its front matter and prints its path. "
                    + "Never overwrites a file.", "TITLE");
            options.addOption(valued("tags", "TAG,TAG", "Tags, separated by commas; may be given more than once."));
            repeatable.add("tags");
            options.addOption(flag("draft", "Mark the post as a draft (built only with --drafts)."));
            options.addOption(valued("slug", "SLUG", "The words that name the post's file and URL, made lower case"
                    + " and dashed as a title is (--slug party-time). Default: from the title; needed when it has no"
                    + " letter or digit."));
            options.addOption(valued("source", "DIR", "The site folder. Default: ."));
        }

        @Override
        int run(CommandLine line) {
            String title = line.getArgList().get(0);
            Path source = path(line, "source", ".");
            String[] given = line.getOptionValues("tags");
            List<String> tags = given == null ? List.of()
                    : Arrays.stream(given).flatMap(t -> Arrays.stream(t.split(","))).map(String::strip)
                            .filter(t -> !t.isEmpty()).toList();
            if (title.isBlank()) {
                System.err.println("kiln: the title is empty: kiln new post \"My title\"");
                return 2;
            }
            if (!Files.isDirectory(source)) {
                System.err.println("kiln: --source " + source + " is not a folder");
                return 2;
            }
            if (!SiteOptions.site(source, System.err)) {
                // run in a site's content/ (or any folder that is no site), it wrote content/posts/ there
                return 2;
            }
            String slug = slug(title.strip(), line.getOptionValue("slug"));
            ZonedDateTime now = ZonedDateTime.now(Build.timezoneOf(source)).withNano(0);
            return write(source, title.strip(), slug, now, tags, line.hasOption("draft"), false);
        }

        /**
         * The slug of the post's file: of {@code given} ({@code --slug}) when there is one, else of {@code title};
         * a usage error when that has no letter or digit, which would name the file and URL by hex.
         */
        private static String slug(String title, String given) {
            if (given != null) {
                String slug = NewPost.slugOf(given);
                if (slug == null) {
                    throw new UsageError("--slug '" + given + "' has no letter or digit: give it words, like --slug"
                            + " party-time");
                }
                return slug;
            }
            String slug = NewPost.slugOf(title);
            if (slug == null) {
                throw new UsageError("the title '" + title + "' has no letter or digit to make the post's file name"
                        + " and URL of: give a title with words, or the URL's words with --slug: kiln new post \""
                        + title + "\" --slug party-time");
            }
            return slug;
        }

        /**
         * Writes the post dated {@code date} into the site folder {@code source}, its file named by {@code slug} (as a
         * post bundle's index when {@code bundle}), and prints its path as {@link #shown}: exit 0, or 1 when it
         * exists.
         */
        static int write(Path source, String title, String slug, ZonedDateTime date, List<String> tags, boolean draft,
                         boolean bundle) {
            try {
                Path file = NewPost.write(source, title, slug, date, tags, draft, bundle);
                System.out.println(shown(file));
                return 0;
            } catch (FileAlreadyExistsException e) {
                System.err.println("kiln: " + shown(Path.of(e.getFile())) + " already exists: choose another title, "
                        + "or edit that file");
                return 1;
            }
        }

        /**
         * {@code file} as it opens from the current folder: relative to it when below it, else absolute. It was
         * relative to the site folder, so that {@code $EDITOR "$(kiln new post T --source blog)"} opened a new file
         * in the wrong place.
         */
        static Path shown(Path file) {
            Path here = Path.of("").toAbsolutePath();
            Path absolute = file.toAbsolutePath().normalize();
            return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
        }
    }
}
