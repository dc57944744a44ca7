package com.ctera.cli;

import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import com.ctera.autoconfigure.webhooks.CteraWebhooksProperties;
import com.ctera.client.webhooks.WebhookOutbox;
import com.ctera.client.webhooks.WebhookOutbox.Status;

/**
 * {@code ctera webhooks}: the application's webhook endpoints and their deliveries, read from the store its
 * configuration names; {@code replay} makes an endpoint's dead deliveries due again, for the application's workers.
 */
@Command(name = "webhooks", description = "List the webhook endpoints with their delivery counts, and replay an "
        + "endpoint's dead deliveries (reads the application's store: ctera.store.path or spring.datasource.url).",
        addMethodSubcommands = false)
final class WebhooksCommand {

    @ParentCommand
    @Nullable CteraCommand root;

    @Command(name = "list", description = "The endpoints of ctera.webhooks.endpoints and those the store holds "
            + "deliveries for (columns: name, url, state, pending, inFlight, dead, held, delivered, "
            + "disabledReason, lastError).")
    int list() {
        WebhookStore store = root().webhookStore();
        WebhookOutbox outbox = store.outbox();
        Map<String, CteraWebhooksProperties.Endpoint> configured = store.configured();
        Map<String, Map<Status, Long>> counts = outbox.counts();
        TreeSet<String> names = new TreeSet<>(configured.keySet());
        names.addAll(counts.keySet());
        Rows rows = Rows.of("name", "url", "state", "pending", "inFlight", "dead", "held", "delivered",
                "disabledReason", "lastError");
        for (String name : names) {
            CteraWebhooksProperties.Endpoint endpoint = configured.get(name);
            WebhookOutbox.EndpointState state = outbox.state(name);
            Map<Status, Long> count = counts.getOrDefault(name, Map.of());
            rows.add(name, (endpoint != null && endpoint.getUrl() != null) ? endpoint.getUrl().toString() : null,
                    state(endpoint, state), count(count, Status.PENDING), count(count, Status.IN_FLIGHT),
                    count(count, Status.DEAD), count(count, Status.DISABLED), count(count, Status.DELIVERED),
                    state.reason(), state.lastError());
        }
        root().printer().list(rows);
        return ExitCodes.OK;
    }

    @Command(name = "replay", description = "Make an endpoint's dead deliveries due again, their attempts reset; "
            + "the application's delivery workers send them (columns: name, replayed, state).")
    int replay(@Parameters(paramLabel = "NAME", description = "The endpoint's name (see 'ctera webhooks list').")
            String name) {
        WebhookStore store = root().webhookStore();
        WebhookOutbox outbox = store.outbox();
        Map<String, CteraWebhooksProperties.Endpoint> configured = store.configured();
        TreeSet<String> known = new TreeSet<>(configured.keySet());
        known.addAll(outbox.counts().keySet());
        if (!known.contains(name)) {
            throw new CliFailure(ExitCodes.NOT_FOUND, "no webhook endpoint '" + name + "'; known: "
                    + (known.isEmpty() ? "none (ctera.webhooks.endpoints is empty and the store holds no deliveries)"
                            : String.join(", ", known)));
        }
        int replayed = outbox.replayDead(name);
        WebhookOutbox.EndpointState state = outbox.state(name);
        if (state.disabled() && replayed > 0) {
            root().environment().err().println("ctera webhooks replay: endpoint '" + name + "' is disabled ("
                    + state.reason() + "); its deliveries go out once the application enables it again "
                    + "(WebhookManager.enable)");
        }
        root().printer().done(Rows.of("name", "replayed", "state").add(name, replayed,
                state(configured.get(name), state)));
        return ExitCodes.OK;
    }

    // "off": configured with enabled=false, so the application registers no such endpoint.
    private static String state(CteraWebhooksProperties.@Nullable Endpoint endpoint, WebhookOutbox.EndpointState state) {
        if (state.disabled()) {
            return "disabled";
        }
        return (endpoint != null && !endpoint.isEnabled()) ? "off" : "enabled";
    }

    private static long count(Map<Status, Long> counts, Status status) {
        return counts.getOrDefault(status, 0L);
    }

    private CteraCommand root() {
        return Commands.root(this.root);
    }
}
