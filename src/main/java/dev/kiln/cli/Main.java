package dev.kiln.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code kiln} command: picks the command its first word names and runs it.
 *
 * <p>Commons CLI parses each command's options, rather than picocli: picocli took ~80 ms of every start
 * (bench/PERFORMANCE-LOG.md), being compiled for Java 5 (which no class-data archive holds) and
 * reading annotations by reflection; Commons CLI's classes are archived with Kiln's, and it parses in ~2 ms.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        nameLogBinding();
        int code = run(args);
        // A command that succeeded ends as programs do, when main returns (Kiln's own threads are daemons): on
        // JDK 21 and later System.exit first looks for a System.Logger to log the exit to, which scans the class
        // path for a logging service, opening the jar that the start-up archive spares: ~18 ms of a rebuild with
        // nothing changed (~0.2 s in all; bench/PERFORMANCE-LOG.md). Only a failure's code needs it.
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Pebble logs through SLF4J, whose first logger looked for a binding with a ServiceLoader over the class
     * path: ~7 ms of every build, in the interpreter, opening the jar that the start-up archive spares
     * (bench/PERFORMANCE-LOG.md). The binding is named instead: the one the jar holds, which drops all. Set
     * by the process's {@code main} (here and {@link Training}) before any logger, unless set already.
     */
    static void nameLogBinding() {
        if (System.getProperty(SLF4J_PROVIDER) == null) {
            System.setProperty(SLF4J_PROVIDER, SLF4J_NOP);
            // SLF4J says at its INFO level that it loads a named binding: a line on every command's stderr.
            if (System.getProperty(SLF4J_VERBOSITY) == null) {
                System.setProperty(SLF4J_VERBOSITY, "WARN");
            }
        }
    }

    /** SLF4J's property naming its binding, read by its first logger (SLF4J 2.0.9 and later). */
    static final String SLF4J_PROVIDER = "slf4j.provider";

    /** The binding the jar holds (slf4j-nop), named as text: the command line needs no SLF4J at compile time. */
    static final String SLF4J_NOP = "org.slf4j.nop.NOPServiceProvider";

    /** SLF4J's property for what it says of itself on stderr (INFO by default). */
    static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    /** The commands' names, in the order the usage lists them. */
    private static final List<String> COMMANDS = List.of("build", "serve", "new", "check", "import");

    /** The command {@code name}, made only when asked for. */
    private static Command command(String name) {
        return switch (name) {
            case "build" -> new BuildCommand();
            case "serve" -> new ServeCommand();
            case "new" -> new NewCommand();
            case "check" -> new CheckCommand();
            case "import" -> new ImportCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Runs {@code kiln args} and returns its exit code. */
    public static int run(String... args) {
        if (args.length == 0) {
            System.err.print(usage());
            return 2;
        }
        String first = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (first) {
            case "-h", "--help" -> {
                System.out.print(usage());
                return 0;
            }
            case "-V", "--version" -> {
                System.out.println(version());
                return 0;
            }
            case "help" -> {
                return help(rest);
            }
            default -> {
                if (COMMANDS.contains(first)) {
                    return command(first).execute(rest);
                }
                return unknown(first.startsWith("-") ? "option" : "command", first);
            }
        }
    }

    /** {@code kiln help [COMMAND [SUBCOMMAND]]}: the help of that command, or of kiln. */
    private static int help(String... words) {
        if (words.length == 0 || words[0].equals("-h") || words[0].equals("--help")) {
            System.out.print(usage());
            return 0;
        }
        if (!COMMANDS.contains(words[0])) {
            return unknown("command", words[0]);
        }
        Command command = command(words[0]);
        for (String word : Arrays.copyOfRange(words, 1, words.length)) {
            Command sub = command.subcommand(word);
            if (sub == null) {
                System.err.println("kiln: kiln " + command.words + " has no command '" + word + "'");
                return 2;
            }
            command = sub;
        }
        System.out.print(command.help());
        return 0;
    }

    /**
     * Says that {@code word} is not a known {@code what} (command or option), suggests the command nearest to it
     * ({@code server} → serve, as Hugo calls it), and names the commands: exit 2.
     */
    private static int unknown(String what, String word) {
        String nearest = what.equals("command") ? ALIASES.getOrDefault(word, nearest(word, COMMANDS)) : null;
        // An option is named as a command's unknown options are (kiln: unknown option --x: ...), a command quoted.
        String named = what.equals("command") ? "'" + word + "'" : OptionHints.name(word);
        String hugo = what.equals("command") ? HUGO_COMMANDS.get(word) : null;
        System.err.println("kiln: unknown " + what + " " + named + (hugo != null ? " (" + hugo + ")" : nearest == null
                ? "" : " (did you mean " + nearest + "?)") + ": the commands are " + String.join(", ", COMMANDS)
                + " (kiln --help shows them)");
        return 2;
    }

    /**
     * Jekyll's short names of its commands ({@code jekyll s}, {@code jekyll b}), too short to be told by
     * {@link #nearest} as typos; said, not run, as an option is never guessed.
     */
    private static final java.util.Map<String, String> ALIASES = java.util.Map.of("s", "serve", "b", "build");

    /** Hugo's commands that Kiln spells otherwise, and what Kiln's are. */
    private static final java.util.Map<String, String> HUGO_COMMANDS = java.util.Map.of(
            "version", "Hugo's hugo version is kiln --version");

    /** The word of {@code words} that {@code word} is a small typo of (at most 2 edits, fewer than half its letters), or null. */
    static String nearest(String word, List<String> words) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : words) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.min(2, (word.length() - 1) / 2) ? best : null;
    }

    /** The Levenshtein distance of {@code a} and {@code b}. */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    /** What {@code kiln --help} prints, and {@code kiln} alone on stderr. */
    static String usage() {
        StringBuilder usage = new StringBuilder("Usage: kiln [-hV] COMMAND [OPTIONS]\n"
                + "Kiln builds a blog from Markdown posts into a static site.\n\nCommands:\n");
        List<String[]> rows = new ArrayList<>();
        COMMANDS.forEach(name -> rows.add(new String[] {name, command(name).summary()}));
        rows.add(new String[] {"help", "Shows the help of a command: kiln help build."});
        Command.table(usage, rows);
        usage.append("\nOptions:\n");
        Command.table(usage, Command.rows(Command.standard()));
        usage.append("\nkiln COMMAND --help documents each command's options.\n");
        return usage + EXIT_CODES;
    }

    static final String EXIT_CODES = """

            Exit codes:
              0   success
              1   the site has errors (each printed as path:line:col: message)
              2   usage error
            """;

    /** {@code kiln} and the version Maven wrote into the jar. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return "kiln " + (version == null ? "(development)" : version);
    }
}
