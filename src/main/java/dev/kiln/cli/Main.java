package dev.kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** The {@code kiln} command: parses the command line and runs a subcommand. */
@Command(name = "kiln", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Kiln builds a blog from Markdown posts into a static site.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the site has errors (each printed as path:line:col: message)",
                "2:usage error"})
public final class Main implements java.util.concurrent.Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The subcommands, in the order the usage lists them. */
    private static final List<String> COMMANDS = List.of("build", "serve", "new", "check", "import", "help");

    /**
     * The subcommand {@code name}. A switch, not a map of constructor references: a JDK 25 AOT cache cannot
     * hold a lambda that makes one of picocli's classes (compiled for Java 5, which the cache leaves out), and
     * recording it crashed.
     */
    private static Object command(String name) {
        return switch (name) {
            case "build" -> new BuildCommand();
            case "serve" -> new ServeCommand();
            case "new" -> new NewCommand();
            case "check" -> new CheckCommand();
            case "import" -> new ImportCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Runs {@code kiln args} and returns its exit code. */
    public static int run(String... args) {
        return commandLine(args.length > 0 ? args[0] : null).execute(args);
    }

    /**
     * {@code kiln} with only the subcommand named {@code first} when there is one (but help), else with all:
     * picocli reads a command's annotations when it is added, ~20 ms for the others at every start.
     */
    static CommandLine commandLine(String first) {
        CommandLine kiln = new CommandLine(new Main());
        if (first != null && !first.equals("help") && COMMANDS.contains(first)) {
            kiln.addSubcommand(first, command(first));
        } else {
            for (String name : COMMANDS) {
                kiln.addSubcommand(name, command(name));
            }
        }
        return kiln;
    }

    /** {@code kiln} alone is a usage error: it shows the commands and exits 2. */
    @Override
    public Integer call() {
        commandLine(null).usage(System.err);
        return 2;
    }

    /** The version written into the jar by Maven. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"kiln " + (version == null ? "(development)" : version)};
        }
    }
}
