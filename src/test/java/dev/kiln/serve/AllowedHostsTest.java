package dev.kiln.serve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Host names the dev server answers: this machine's own, IP addresses, and the one given with --host. */
class AllowedHostsTest {

    @Test
    void theNameGivenWithHostIsAllowedWithAnyPortAndNoOtherName() {
        AllowedHosts hosts = new AllowedHosts("Preview.LAN");

        for (String host : List.of("preview.lan", "preview.lan:4000", "PREVIEW.lan.:80", "localhost:4000",
                "10.0.0.7:4000")) {
            assertTrue(hosts.allows(host), host);
        }
        for (String host : List.of("preview.lan.evil.example", "evil.preview.lan:4000", "preview.la", "evil.example")) {
            assertFalse(hosts.allows(host), host);
        }
    }

    @Test
    void anIpv6AddressGivenWithHostIsAllowedInBrackets() {
        for (String given : List.of("::1", "[::1]")) {
            AllowedHosts hosts = new AllowedHosts(given);
            assertTrue(hosts.allows("[::1]:4000"), given);
            assertFalse(hosts.allows("::1"), given + ": a Host writes it in brackets");
        }
    }

    @Test
    void withoutAHostHeaderARequestIsAllowedAndWithTwoItIsNot() {
        AllowedHosts hosts = new AllowedHosts("127.0.0.1");

        assertTrue(hosts.allow(null), "HTTP/1.0");
        assertTrue(hosts.allow(List.of()), "HTTP/1.0");
        assertFalse(hosts.allow(List.of("localhost", "localhost")));
    }
}
