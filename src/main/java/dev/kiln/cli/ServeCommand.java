package dev.kiln.cli;

import dev.kiln.build.BuildOptions;
import dev.kiln.serve.DevServer;
import org.apache.commons.cli.CommandLine;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
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
        InetAddress address = listenAddress(host);
        if (!address.isLoopbackAddress()) {
            err.println("kiln: warning: serving on " + host + " lets other machines read the site and its drafts");
        }
        BuildOptions buildOptions = site.build();
        DevServer server;
        try {
            server = new DevServer(buildOptions, host, port, err::println);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException bind) {
                err.println("kiln: cannot listen on " + host + ":" + port + " (" + bind.getMessage() + "): "
                        + hint(bind, port));
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
        if (address.isAnyLocalAddress()) {
            err.println("  listening on every address of this machine: other machines open " + elsewhere(server));
        }
        stopped.await();
        return 0;
    }

    /**
     * The address {@code host} names, which must be one of this machine's (a usage error otherwise): binding
     * fails later with a message that names neither the cause nor the cure.
     */
    static InetAddress listenAddress(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageError("--host '" + host + "' is neither an IP address nor a name this machine can look up: "
                    + "use 127.0.0.1 (this machine only), 0.0.0.0 (every address) or one of its addresses");
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return address;
        }
        try {
            if (NetworkInterface.getByInetAddress(address) == null) {
                String named = host.equals(address.getHostAddress()) ? "" : " (" + address.getHostAddress() + ")";
                throw new UsageError("--host " + host + named + " is not an address of this machine: use 127.0.0.1 "
                        + "(this machine only), 0.0.0.0 (every address) or one of its own");
            }
        } catch (SocketException e) {
            // the interfaces cannot be listed: binding tells
        }
        return address;
    }

    /** What to do when the port cannot be had, from the system's reason. */
    private static String hint(BindException e, int port) {
        String reason = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (reason.contains("permission") || reason.contains("access")) {
            return "ports below 1024 need privileges: use --port 4000 (or any from 1024)";
        }
        if (reason.contains("assign")) {
            return "the address is not one of this machine's: use --host 127.0.0.1";
        }
        return "is another server running? Try --port " + (port == 65535 ? 0 : port + 1);
    }

    /** The addresses other machines may open the site at: each network address of this machine (IPv4 ones). */
    private static String elsewhere(DevServer server) {
        java.util.List<String> urls = new java.util.ArrayList<>();
        try {
            for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        urls.add(server.url().replace("//localhost:", "//" + a.getHostAddress() + ":"));
                    }
                }
            }
        } catch (SocketException e) {
            // none listed
        }
        return urls.isEmpty() ? "this machine's address with port " + server.port()
                : String.join(", ", urls.stream().sorted().toList());
    }
}
