package dev.kiln.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One command of {@code kiln}: its words ({@code build}, {@code new post}), what it does, its options and
 * operands, and what it runs. Commons CLI parses the options; each command adds {@code -h, --help} and
 * {@code -V, --version}, and a wrong option, value or operand count is a usage error (exit 2).
 */
abstract class Command {

    /** A usage error: its message is printed after {@code kiln: }, and the command exits 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    private static final int WIDTH = 80;

    final String words;
    final String description;
    /** The operands' names, each required once ({@code TITLE}), or none. */
    final List<String> operands;
    final Options options = new Options();
    /** The long names of the options that may be given more than once, each with a value ({@code --tags}). */
    final Set<String> repeatable = new HashSet<>();

    /** The arguments this command was given, as the user wrote them (set by {@link #execute}). */
    private List<String> arguments = List.of();

    Command(String words, String description, String... operands) {
        this.words = words;
        this.description = description;
        this.operands = List.of(operands);
    }

    /** The commands under this one ({@code new post}), which the first operand names. */
    List<Command> subcommands() {
        return List.of();
    }

    /** The last of the command's words: {@code post} for {@code new post}. */
    String name() {
        return words.substring(words.lastIndexOf(' ') + 1);
    }

    /** The command under this one that {@code word} names ({@code post} under {@code new}), or null. */
    Command subcommand(String word) {
        return subcommands().stream().filter(c -> c.name().equals(word)).findFirst().orElse(null);
    }

    /** The arguments this command was given, after its name, as the user wrote them. */
    List<String> arguments() {
        return arguments;
    }

    /** Runs the command whose options and operands are {@code line}; returns its exit code. */
    abstract int run(CommandLine line) throws Exception;

    /** The first sentence of the description, for a list of commands. */
    String summary() {
        int end = description.indexOf(". ");
        return end < 0 ? description : description.substring(0, end + 1);
    }

    static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).get();
    }

    /** An option with a value, which may be given once unless it is {@link #repeatable}. */
    static Option valued(String name, String argName, String description) {
        return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
    }

    /** {@code option}'s value as a path, or {@code otherwise} when it is not given. */
    static Path path(CommandLine line, String option, String otherwise) {
        String value = line.getOptionValue(option, otherwise);
        return value == null ? null : path("--" + option, value);
    }

    static Path path(String what, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageError(what + " '" + value + "' is not a path: " + e.getReason());
        }
    }

    /** Parses {@code args} for this command (or the subcommand they name) and runs it; returns its exit code. */
    int execute(String... args) {
        Command sub = args.length > 0 ? subcommand(args[0]) : null;
        if (sub != null) {
            return sub.execute(Arrays.copyOfRange(args, 1, args.length));
        }
        arguments = List.of(args);
        PrintStream err = System.err;
        Options all = withStandard();
        try {
            // No abbreviations: `--dra` is an unknown option, not `--drafts`.
            CommandLine line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(all, args);
            if (line.hasOption("help")) {
                System.out.print(help());
                return 0;
            }
            if (line.hasOption("version")) {
                System.out.println(Main.version());
                return 0;
            }
            Set<String> seen = new HashSet<>();
            for (Option o : line.getOptions()) {
                if (o.hasArg() && !repeatable.contains(o.getLongOpt()) && !seen.add(o.getLongOpt())) {
                    throw new UsageError("--" + o.getLongOpt() + " is given twice: give it once");
                }
            }
            List<String> given = line.getArgList();
            if (subcommands().isEmpty() && given.size() != operands.size()) {
                throw new UsageError(given.size() < operands.size()
                        ? "kiln " + words + " needs " + String.join(" ", operands.subList(given.size(), operands.size()))
                        : "unexpected argument '" + given.get(operands.size()) + "'");
            }
            return run(line);
        } catch (ParseException | UsageError e) {
            err.println("kiln: " + message(e) + " (kiln " + words + " --help shows how to use it)");
            return 2;
        } catch (Exception e) {
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * What is wrong with the command line, in Kiln's words: Commons CLI's own ("Unrecognized option: --baseurl") are
     * worded as Kiln's other usage errors are, and an unknown option gets a hint where there is one
     * ({@link OptionHints}).
     */
    private String message(Exception e) {
        if (e instanceof org.apache.commons.cli.UnrecognizedOptionException u) {
            String hint = OptionHints.of(u.getOption(), words, options);
            return "unknown option " + OptionHints.name(u.getOption()) + (hint == null ? "" : ": " + hint);
        }
        if (e instanceof org.apache.commons.cli.MissingArgumentException m) {
            Option o = m.getOption();
            return "--" + o.getLongOpt() + " needs a value: --" + o.getLongOpt() + " " + o.getArgName();
        }
        return e.getMessage();
    }

    private Options withStandard() {
        Options all = new Options();
        options.getOptions().forEach(all::addOption);
        standard().forEach(all::addOption);
        return all;
    }

    /** {@code -h, --help} and {@code -V, --version}, which {@code kiln} and each command take. */
    static List<Option> standard() {
        return List.of(Option.builder("h").longOpt("help").desc("Show this help and exit.").get(),
                Option.builder("V").longOpt("version").desc("Print the version and exit.").get());
    }

    /** The rows of an option table: {@code -h, --help} or {@code     --dest=DIR}, and the description. */
    static List<String[]> rows(Collection<Option> options) {
        List<String[]> rows = new ArrayList<>();
        for (Option o : options) {
            String name = (o.getOpt() != null ? "-" + o.getOpt() + ", " : "    ") + "--" + o.getLongOpt()
                    + (o.hasArg() ? "=" + o.getArgName() : "");
            rows.add(new String[] {name, o.getDescription()});
        }
        return rows;
    }

    /** The help: usage, description, subcommands, options (as given, then -h and -V), and any footer. */
    String help() {
        StringBuilder help = new StringBuilder("Usage: kiln ").append(words).append(" [OPTIONS]");
        operands.forEach(o -> help.append(' ').append(o));
        if (!subcommands().isEmpty()) {
            help.append(" COMMAND");
        }
        help.append('\n');
        wrap(help, description, 0);
        if (!subcommands().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            subcommands().forEach(c -> rows.add(new String[] {c.name(), c.summary()}));
            table(help.append("\nCommands:\n"), rows);
        }
        table(help.append("\nOptions:\n"), rows(withStandard().getOptions()));
        help.append(footer());
        return help.toString();
    }

    /** What the help ends with (exit codes), or "". */
    String footer() {
        return "";
    }

    /** Rows of a name and its wrapped description, the descriptions in one column. */
    static void table(StringBuilder out, List<String[]> rows) {
        int column = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 4;
        for (String[] row : rows) {
            out.append("  ").append(row[0]).append(" ".repeat(column - 2 - row[0].length()));
            wrap(out, row[1], column);
        }
    }

    /** {@code text} in lines of at most {@link #WIDTH} characters, each after the first indented by {@code indent}. */
    static void wrap(StringBuilder out, String text, int indent) {
        int width = indent;
        for (String word : text.split(" ")) {
            if (width > indent && width + 1 + word.length() > WIDTH) {
                out.append('\n').append(" ".repeat(indent));
                width = indent;
            } else if (width > indent) {
                out.append(' ');
                width++;
            }
            out.append(word);
            width += word.length();
        }
        out.append('\n');
    }
}
