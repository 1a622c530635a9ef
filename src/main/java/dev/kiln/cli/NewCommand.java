package dev.kiln.cli;

import dev.kiln.build.Build;
import dev.kiln.content.NewPost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kiln new post "Title"}: starts a post. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Starts new content.",
        subcommands = NewCommand.Post.class)
final class NewCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("kiln: say what to start: kiln new post \"Title\"");
        return 2;
    }

    /** {@code kiln new post}. */
    @Command(name = "post", mixinStandardHelpOptions = true,
            description = "Writes content/posts/YYYY-MM-DD-slug.md with its front matter and prints its path. "
                    + "Never overwrites a file.")
    static final class Post implements Callable<Integer> {

        @Parameters(paramLabel = "TITLE", description = "The post's title.")
        String title;

        @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "Tags, separated by commas.")
        List<String> tags = List.of();

        @Option(names = "--draft", description = "Mark the post as a draft (built only with --drafts).")
        boolean draft;

        @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
                description = "The site folder. Default: ${DEFAULT-VALUE}")
        Path source;

        @Override
        public Integer call() {
            if (title.isBlank()) {
                System.err.println("kiln: the title is empty: kiln new post \"My title\"");
                return 2;
            }
            if (!Files.isDirectory(source)) {
                System.err.println("kiln: --source " + source + " is not a folder");
                return 2;
            }
            ZoneId zone = Build.timezoneOf(source);
            List<String> clean = tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
            try {
                Path file = NewPost.write(source, title.strip(), ZonedDateTime.now(zone).withNano(0), clean, draft);
                System.out.println(source.relativize(file));
                return 0;
            } catch (FileAlreadyExistsException e) {
                System.err.println("kiln: " + e.getFile() + " already exists: choose another title, or edit that file");
                return 1;
            }
        }
    }

}
