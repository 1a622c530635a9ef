package dev.kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

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
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("build", BuildCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("new", NewCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(commands);
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
        Supplier<Object> named = "help".equals(first) ? null : COMMANDS.get(first);
        if (named != null) {
            kiln.addSubcommand(first, named.get());
        } else {
            COMMANDS.forEach((name, command) -> kiln.addSubcommand(name, command.get()));
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
