package com.ctera.client.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF guard: each refused address class, schemes, credentials, the allowlist; redirects are not followed. */
class WebhookAddressGuardTest {

    private final WebhookAddressGuard guard = new WebhookAddressGuard(Set.of(), false, this::resolve);

    private InetAddress[] resolve(String host) throws java.net.UnknownHostException {
        // A DNS name that points inside the network is refused like the literal address.
        if (host.equals("intranet.example.com")) {
            return new InetAddress[] { InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5") };
        }
        return InetAddress.getAllByName(host);
    }

    @Test
    void everyInternalAddressClassIsRefused() {
        Map<String, String> refused = Map.ofEntries(Map.entry("127.0.0.1", "loopback"),
                Map.entry("[::1]", "loopback"), Map.entry("10.1.2.3", "private"), Map.entry("172.16.0.1", "private"),
                Map.entry("192.168.1.1", "private"), Map.entry("169.254.169.254", "link-local (cloud metadata)"),
                Map.entry("[fe80::1]", "link-local"), Map.entry("100.64.0.1", "CGNAT"),
                Map.entry("0.0.0.0", "unspecified"), Map.entry("[fc00::1]", "unique local"),
                Map.entry("[::ffff:127.0.0.1]", "loopback"), Map.entry("224.0.0.1", "multicast"),
                Map.entry("intranet.example.com", "private"));
        refused.forEach((host, kind) -> assertThatThrownBy(() -> this.guard.check(URI.create("https://" + host + "/h")))
            .as(host).isInstanceOf(WebhookRefusedException.class).hasMessageContaining(kind)
            .hasMessageContaining("allowed-hosts"));
    }

    @Test
    void aPublicAddressPassesAndKeepsTheHostName() {
        InetSocketAddress address = this.guard.check(URI.create("https://93.184.216.34/hook"));
        assertThat(address.getPort()).isEqualTo(443);
        assertThat(address.getAddress().getHostAddress()).isEqualTo("93.184.216.34");
    }

    @Test
    void schemesAndCredentialsAreChecked() {
        assertThatThrownBy(() -> this.guard.check(URI.create("http://93.184.216.34/hook")))
            .hasMessageContaining("must use https");
        assertThatThrownBy(() -> this.guard.check(URI.create("ftp://93.184.216.34/hook")))
            .hasMessageContaining("must use https");
        assertThatThrownBy(() -> this.guard.check(URI.create("https://user:pw@93.184.216.34/hook")))
            .hasMessageContaining("credentials").hasMessageNotContaining("pw");
    }

    @Test
    void theAllowlistLetsAnInternalHostInAndHttpOnlyWhenAllowed() {
        WebhookAddressGuard allowing = new WebhookAddressGuard(Set.of("127.0.0.1"), false, this::resolve);
        assertThat(allowing.check(URI.create("https://127.0.0.1:8443/h")).getPort()).isEqualTo(8443);
        assertThatThrownBy(() -> allowing.check(URI.create("http://127.0.0.1:8080/h")))
            .hasMessageContaining("allow-http");
        WebhookAddressGuard http = new WebhookAddressGuard(Set.of("127.0.0.1"), true, this::resolve);
        assertThat(http.check(URI.create("http://127.0.0.1:8080/h")).getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> http.check(URI.create("http://10.0.0.1/h"))).hasMessageContaining("https");
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        AtomicInteger followed = new AtomicInteger();
        server.createContext("/hook", exchange -> {
            exchange.getResponseHeaders().set("Location", "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/elsewhere", exchange -> {
            followed.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(2), 4,
                Clock.systemUTC())) {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            InetSocketAddress address = new WebhookAddressGuard(Set.of("127.0.0.1"), true).check(url);
            DeliveryOutcome outcome = sender.post(url, address, Map.of("webhook-id", "evt_1"),
                    "{}".getBytes(StandardCharsets.UTF_8)).block(Duration.ofSeconds(10));
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.status()).isEqualTo(302);
            assertThat(outcome.error()).contains("redirects are not followed");
            assertThat(followed).hasValue(0);
        }
        finally {
            server.stop(0);
        }
    }
}
