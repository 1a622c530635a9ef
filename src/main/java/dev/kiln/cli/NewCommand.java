package dev.kiln.cli;

import dev.kiln.build.Build;
import dev.kiln.content.NewPost;
import org.apache.commons.cli.CommandLine;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/** {@code kiln new post "Title"}: starts a post. */
final class NewCommand extends Command {

    NewCommand() {
        super("new", "Starts new content.");
    }

    @Override
    List<Command> subcommands() {
        return List.of(new Post());
    }

    @Override
    int run(CommandLine line) {
        throw new UsageError("say what to start: kiln new post \"Title\"");
    }

    /** {@code kiln new post}. */
    static final class Post extends Command {

        Post() {
            super("new post", "Writes content/posts/YYYY-MM-DD-slug.md with its front matter and prints its path. "
                    + "Never overwrites a file.", "TITLE");
            options.addOption(valued("tags", "TAG,TAG", "Tags, separated by commas; may be given more than once."));
            repeatable.add("tags");
            options.addOption(flag("draft", "Mark the post as a draft (built only with --drafts)."));
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
            ZoneId zone = Build.timezoneOf(source);
            try {
                Path file = NewPost.write(source, title.strip(), ZonedDateTime.now(zone).withNano(0), tags,
                        line.hasOption("draft"));
                System.out.println(source.relativize(file));
                return 0;
            } catch (FileAlreadyExistsException e) {
                System.err.println("kiln: " + e.getFile() + " already exists: choose another title, or edit that file");
                return 1;
            }
        }
    }
}
