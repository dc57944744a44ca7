package com.ctera.sample;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.ctera.autoconfigure.simulator.EmbeddedPortalSimulator;
import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.events.CteraChangeEvent;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app follows its embedded portal: a change reaches its listeners from the poller and again, with the
 * same id, through its own webhook receiver.
 */
@Import(RecordedChanges.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "ctera.events.longpoll-timeout=1s", "ctera.events.lease-time=5s" })
class SampleEventsTests {

    @Autowired
    private EmbeddedPortalSimulator embedded;

    @Autowired
    private RecordedChanges changes;

    @Test
    void aPortalChangeReachesTheListenersDirectlyAndThroughTheWebhook() throws InterruptedException {
        SimulatorCredentials user = this.embedded.simulator().endUserCredentials();
        try (CteraPortal writer = CteraPortal.builder().name("writer").baseUrl(this.embedded.simulator().baseUrl())
            .context(PortalContext.SERVICES_PORTAL).credentials(user.username(), user.password()).build()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            // The poller may still be taking its baseline: repeat the change until it is seen.
            for (int i = 0; !seenTwice() && System.nanoTime() < deadline; i++) {
                if (i % 50 == 0) {
                    writer.files().mkdir("My Files/sample-events-" + i);
                }
                Thread.sleep(100);
            }
        }
        assertThat(seenTwice()).as("one change published by the poller and again by the receiver").isTrue();
    }

    private boolean seenTwice() {
        List<String> ids = this.changes.events.stream().filter(event -> event.name().startsWith("sample-events"))
            .map(CteraChangeEvent::id).toList();
        return ids.stream().distinct().count() < ids.size();
    }
}
