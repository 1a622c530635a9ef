package dev.kiln.cli;

import dev.kiln.build.BuildOptions;
import dev.kiln.serve.DevServer;
import org.apache.commons.cli.CommandLine;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code kiln serve}: a preview server that rebuilds on every save and reloads the browser. */
final class ServeCommand extends Command {

    ServeCommand() {
        super("serve", "Builds the site into memory and serves it; rebuilds on every change under content/, "
                + "layouts/, assets/ and site.yml, and reloads the open pages. Ctrl-C stops it.");
        SiteOptions.addTo(options);
        options.addOption(valued("port", "PORT", "The port. Default: 4000"));
        options.addOption(valued("host", "HOST", "The address to listen on. Default: 127.0.0.1 (this machine only)."));
    }

    @Override
    int run(CommandLine line) throws InterruptedException {
        SiteOptions site = SiteOptions.of(line);
        String host = line.getOptionValue("host", "127.0.0.1");
        int port;
        try {
            port = Integer.parseInt(line.getOptionValue("port", "4000"));
        } catch (NumberFormatException e) {
            throw new UsageError("--port '" + line.getOptionValue("port") + "' is not a number: use 1 to 65535, "
                    + "or 0 for any free port");
        }
        PrintStream err = System.err;
        if (!site.valid(err)) {
            return 2;
        }
        Path source = site.source();
        if (port < 0 || port > 65535) {
            err.println("kiln: --port " + port + " is not a port: use 1 to 65535, or 0 for any free port");
            return 2;
        }
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            err.println("kiln: warning: serving on " + host + " lets other machines read the site and its drafts");
        }
        BuildOptions buildOptions = site.build();
        DevServer server;
        try {
            server = new DevServer(buildOptions, host, port, err::println);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                err.println("kiln: cannot listen on " + host + ":" + port + " (" + e.getCause().getMessage()
                        + "): is another server running? Try --port " + (port + 1));
                return 2;
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "kiln-stop"));
        server.start();
        err.println("serving " + source.toAbsolutePath().normalize() + " at " + server.url()
                + " (Ctrl-C stops)");
        stopped.await();
        return 0;
    }
}
