package dev.kiln.cli;

import dev.kiln.build.BuildOptions;
import dev.kiln.serve.DevServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code kiln serve}: a preview server that rebuilds on every save and reloads the browser. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Builds the site into memory and serves it; rebuilds on every change under content/, "
                + "layouts/, assets/ and site.yml, and reloads the open pages. Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    SiteOptions site;

    @Option(names = "--port", defaultValue = "4000", description = "The port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream err = System.err;
        if (!site.valid(err)) {
            return 2;
        }
        Path source = site.source;
        if (port < 0 || port > 65535) {
            err.println("kiln: --port " + port + " is not a port: use 1 to 65535, or 0 for any free port");
            return 2;
        }
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            err.println("kiln: warning: serving on " + host + " lets other machines read the site and its drafts");
        }
        BuildOptions options = site.build();
        DevServer server;
        try {
            server = new DevServer(options, host, port, err::println);
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
