package dev.kiln.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Browsers listening for rebuilds over Server-Sent Events. Each tab says which page it shows; after a
 * rebuild it is told to reload if its page changed, or to swap stylesheets if only CSS changed.
 */
final class LiveReload {

    /** Where the browser listens. */
    static final String ENDPOINT = "/__kiln/events";

    /**
     * The script served pages carry (never written by {@code kiln build}), for {@link #script()}. A tab
     * holds its stream only while visible: browsers allow 6 connections per host, so a 7th open tab could
     * not even load. A tab that comes back (or reconnects) says which rebuild its page is from ({@code v}),
     * and reloads if one happened since.
     */
    private static final String SCRIPT = "<script>(()=>{let es=null;const open=()=>{if(es)return;"
            + "es=new EventSource(\"" + ENDPOINT + "?page=\"+encodeURIComponent(location.pathname)+\"&v=@V@\");"
            + "es.addEventListener(\"reload\",()=>location.reload());"
            + "es.addEventListener(\"css\",()=>{for(const l of document.querySelectorAll('link[rel=\"stylesheet\"]'))"
            + "{const u=new URL(l.href);u.searchParams.set(\"kiln\",Date.now());l.href=u.href;}});};"
            + "document.addEventListener(\"visibilitychange\",()=>{if(!document.hidden)open();else if(es){es.close();es=null;}});"
            + "if(!document.hidden)open();})();</script>";

    /** Counts the notifications: a page is from the generation that was current when it was served. */
    private volatile long generation;

    /** The script for a page served now. */
    String script() {
        return script(generation);
    }

    /** The script for a page served after {@code generation} notifications. */
    static String script(long generation) {
        return SCRIPT.replace("@V@", Long.toString(generation));
    }

    /** A listening tab: the output path of the page it shows (null when unknown) and its open stream. */
    private record Client(HttpExchange exchange, OutputStream out, String page) {}

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();

    /** Opens an event stream for a tab showing {@code page}; the exchange stays open for later events. */
    void open(HttpExchange exchange, String page, String version) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        Client client = new Client(exchange, out, page);
        clients.add(client);
        send(client, ": connected\nretry: 500\n\n");
        // Checked after joining: a later notification reaches this client, an earlier one shows here.
        if (version != null && !version.equals(Long.toString(generation))) {
            send(client, "event: reload\ndata: reload\n\n");
        }
    }

    /**
     * Tells each tab whose page {@code reload} accepts to reload, and, when {@code stylesheets} changed, every
     * other tab to swap them: a page that did not change still shows them.
     */
    void notify(Predicate<String> reload, boolean stylesheets) {
        if (stylesheets || reload.test(null)) { // a page of unknown path reloads on any change: something changed
            generation++; // one writer: DevServer.rebuild() is synchronized
        }
        for (Client client : clients) {
            if (reload.test(client.page())) {
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
