package dev.kiln.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Browsers listening for rebuilds over Server-Sent Events. Each tab says which page it shows; after a
 * rebuild it is told to reload if its page changed, else to swap stylesheets if they changed.
 */
final class LiveReload {

    /** Where the browser listens. */
    static final String ENDPOINT = "/__kiln/events";

    /**
     * The script served pages carry (never written by {@code kiln build}), for {@link #script}. A tab holds
     * its stream only while visible: browsers allow 6 connections per host, so a 7th open tab could not even
     * load. A tab that comes back (or reconnects) says which version of its page it shows ({@code v}), and
     * reloads only if that page is another now.
     */
    private static final String SCRIPT = "<script>(()=>{let es=null;const open=()=>{if(es)return;"
            + "es=new EventSource(\"" + ENDPOINT + "?page=\"+encodeURIComponent(location.pathname)+\"&v=@V@\");"
            + "es.addEventListener(\"reload\",()=>location.reload());"
            + "es.addEventListener(\"css\",()=>{for(const l of document.querySelectorAll('link[rel=\"stylesheet\"]'))"
            + "{const u=new URL(l.href);u.searchParams.set(\"kiln\",Date.now());l.href=u.href;}});};"
            + "document.addEventListener(\"visibilitychange\",()=>{if(!document.hidden)open();else if(es){es.close();es=null;}});"
            + "if(!document.hidden)open();})();</script>";

    /**
     * How many rebuilds changed a stylesheet, and how many a file that pages show (an image, a script): a
     * tab's page is a version of its own bytes, and of these.
     */
    record Generation(long stylesheets, long assets) {}

    private volatile Generation generation = new Generation(0, 0);

    /** The generation now: read before the page a script goes into, so that a page may be newer, never older. */
    Generation generation() {
        return generation;
    }

    /** The script for a page whose own content is {@code page} (a digest), served at {@code generation}. */
    static String script(String page, Generation generation) {
        return SCRIPT.replace("@V@", version(page, generation));
    }

    /** What a tab's {@code v} says: its page's digest, and the generation of the stylesheets and assets it shows. */
    static String version(String page, Generation generation) {
        return page + "-" + generation.stylesheets() + "-" + generation.assets();
    }

    /**
     * A listening tab: the output path of the page it shows (null when none is there: it shows the 404 page),
     * its address in the site ({@code posts/x/}, null when outside the base path) and its open stream.
     */
    private record Client(HttpExchange exchange, OutputStream out, String page, String address) {}

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();

    /**
     * Opens an event stream for a tab showing {@code page} at {@code version} (its {@code v}, or null); the
     * exchange stays open for later events. {@code pageNow} digests the page the tab's address shows now.
     */
    void open(HttpExchange exchange, String page, String address, String version, Supplier<String> pageNow)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        Client client = new Client(exchange, out, page, address);
        clients.add(client);
        send(client, ": connected\nretry: 500\n\n");
        if (version == null) {
            return;
        }
        // Checked after joining: a later notification reaches this client, an earlier one shows here. Only
        // what the tab shows counts: a rebuild that left its page alone, or stylesheets it swapped, do not
        // make it reload when it comes back.
        Generation now = generation;
        String[] shown = version.split("-", -1);
        if (shown.length != 3 || !shown[0].equals(pageNow.get()) || !shown[2].equals(Long.toString(now.assets()))) {
            send(client, "event: reload\ndata: reload\n\n");
        } else if (!shown[1].equals(Long.toString(now.stylesheets()))) {
            send(client, "event: css\ndata: css\n\n");
        }
    }

    /**
     * Tells each tab whose page and address {@code reload} accepts to reload (the page null when the tab shows
     * the 404 page, the address null when outside the base path), and, when {@code stylesheets} changed, every
     * other tab to swap them: a page that did not change still shows them. {@code assets} says whether a
     * file that pages show changed.
     */
    void notify(BiPredicate<String, String> reload, boolean stylesheets, boolean assets) {
        Generation was = generation; // one writer: DevServer.rebuild() is synchronized
        generation = new Generation(was.stylesheets() + (stylesheets ? 1 : 0), was.assets() + (assets ? 1 : 0));
        for (Client client : clients) {
            if (reload.test(client.page(), client.address())) {
                send(client, "event: reload\ndata: reload\n\n");
            } else if (stylesheets) {
                send(client, "event: css\ndata: css\n\n");
            }
        }
    }

    /** A comment line keeps connections honest: a closed tab is found and dropped. */
    void ping() {
        clients.forEach(c -> send(c, ": ping\n\n"));
    }

    int size() {
        return clients.size();
    }

    void closeAll() {
        clients.forEach(c -> c.exchange().close());
        clients.clear();
    }

    private void send(Client client, String event) {
        try {
            synchronized (client) {
                client.out().write(event.getBytes(StandardCharsets.UTF_8));
                client.out().flush();
            }
        } catch (IOException e) {
            clients.remove(client);
            client.exchange().close();
        }
    }
}
