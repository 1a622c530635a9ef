package dev.kiln.serve;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names a request may give in its {@code Host} header. A page of another site can make its visitor's
 * browser ask this server for the preview (and its drafts) by pointing its own name at 127.0.0.1 (DNS
 * rebinding): the browser then sends that name. Only names no other site can answer for are served:
 * {@code localhost} and its subdomains, IP addresses (which need no DNS to be rebound; other machines reach
 * a server on {@code --host 0.0.0.0} by one) and the name given with {@code --host}. The port is not
 * checked: a forwarded port ({@code ssh -L 8080:localhost:4000}) changes it, and the name alone tells
 * whose page asks.
 */
final class AllowedHosts {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    /** The name the server was told to listen on, as a Host header writes it; "" when none. */
    private final String listenName;

    AllowedHosts(String listenHost) {
        String name = listenHost == null ? "" : normal(listenHost.trim());
        this.listenName = name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
    }

    /**
     * Whether a request whose {@code Host} header has {@code values} may be answered. A request without one
     * (HTTP/1.0) may: a browser always sends it. Two of them may not.
     */
    boolean allow(List<String> values) {
        if (values == null || values.isEmpty()) {
            return true;
        }
        return values.size() == 1 && allows(values.get(0));
    }

    /** Whether {@code host} ({@code name}, {@code name:port}, {@code [v6]:port}) names this server for sure. */
    boolean allows(String host) {
        String name = nameOf(host);
        if (name == null || name.isEmpty()) {
            return false;
        }
        return name.equals("localhost") || name.endsWith(".localhost") || isIpv4(name) || IPV6.matcher(name).matches()
                || name.equals(listenName);
    }

    /** The name of a Host header's value, lower case, without its port; null when it is not one. */
    static String nameOf(String host) {
        if (host == null) {
            return null;
        }
        String value = host.trim();
        String name;
        String port = null;
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                return null;
            }
            name = value.substring(0, end + 1);
            String rest = value.substring(end + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = rest.substring(1);
            }
        } else {
            int colon = value.indexOf(':');
            if (colon != value.lastIndexOf(':')) {
                return null; // an IPv6 address without brackets is no Host
            }
            name = colon < 0 ? value : value.substring(0, colon);
            port = colon < 0 ? null : value.substring(colon + 1);
        }
        if (port != null && !PORT.matcher(port).matches()) {
            return null;
        }
        return normal(name);
    }

    private static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean isIpv4(String name) {
        var m = IPV4.matcher(name);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }
}
