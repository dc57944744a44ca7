package com.ctera.client.webhooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import com.ctera.client.events.BatchWriter;
import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.EventFilter;

/**
 * The webhook registrations of this instance: endpoints from configuration and those added at run time, HTTP or
 * in-process. As the poller's {@link BatchWriter} it adds an outbox row per event and matching registration in the
 * batch's transaction. Registrations live in memory; deliveries are durable.
 */
public final class WebhookManager implements BatchWriter {

    private final Map<String, WebhookTarget> targets = new ConcurrentHashMap<>();

    private final WebhookOutbox outbox;

    public WebhookManager(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Adds an HTTP endpoint.
     * @throws IllegalArgumentException when the name is taken
     */
    public void register(WebhookEndpoint endpoint) {
        add(new WebhookTarget.Http(endpoint));
    }

    /**
     * Adds an in-process handler that gets the matching events as durable, retried deliveries.
     * @throws IllegalArgumentException when the name is taken
     */
    public void register(String name, WebhookHandler handler, EventFilter filter) {
        add(new WebhookTarget.Handler(name, handler, filter));
    }

    private void add(WebhookTarget target) {
        if (this.targets.putIfAbsent(target.name(), target) != null) {
            throw new IllegalArgumentException("A webhook named '" + target.name() + "' is already registered");
        }
    }

    /** Removes a registration; its pending deliveries wait until one of the same name is registered. */
    public boolean unregister(String name) {
        return this.targets.remove(name) != null;
    }

    /** The registrations with their stored state. */
    public List<WebhookRegistration> list() {
        List<WebhookRegistration> all = new ArrayList<>();
        for (WebhookTarget target : this.targets.values()) {
            WebhookOutbox.EndpointState state = this.outbox.state(target.name());
            String url = (target instanceof WebhookTarget.Http http) ? http.endpoint().url().toString() : null;
            all.add(new WebhookRegistration(target.name(), url, target.filter(), !state.disabled(), state.reason(),
                    state.lastError()));
        }
        all.sort(java.util.Comparator.comparing(WebhookRegistration::name));
        return all;
    }

    /** Sends an endpoint's dead deliveries again; returns how many. */
    public int replayDead(String name) {
        return this.outbox.replayDead(name);
    }

    /** Enables a disabled endpoint; its held deliveries are sent. Returns how many. */
    public int enable(String name) {
        return this.outbox.enable(name);
    }

    /** The registration of this name. */
    public Optional<WebhookTarget> target(String name) {
        return Optional.ofNullable(this.targets.get(name));
    }

    Collection<String> names() {
        return this.targets.keySet();
    }

    @Override
    public void write(Connection connection, List<CteraChangeEvent> events) throws SQLException {
        this.outbox.enqueue(connection, events, this.targets.values());
    }

    /** Whether any registration filters on paths (the poller must then resolve them). */
    public boolean needsPaths() {
        return this.targets.values().stream().anyMatch(target -> target.filter().needsPath());
    }

    /**
     * A registration as listed.
     * @param name its name
     * @param url the endpoint URL, null for an in-process handler
     * @param filter which events it gets
     * @param enabled whether deliveries go out
     * @param disabledReason why not, when disabled
     * @param lastError the last delivery failure
     */
    public record WebhookRegistration(String name, @Nullable String url, EventFilter filter, boolean enabled,
            @Nullable String disabledReason, @Nullable String lastError) {
    }
}
