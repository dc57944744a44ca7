package com.ctera.autoconfigure.webhooks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import com.ctera.client.webhooks.RetrySchedule;

/** The ctera.webhooks.* properties: signed HTTP calls for portal changes, out and in. */
@ConfigurationProperties("ctera.webhooks")
public class CteraWebhooksProperties {

    /** The endpoints that receive portal changes, by name (needs ctera.events.enabled=true). */
    private Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    /**
     * Hosts exempt from the SSRF guard's address check (for receivers inside the network). Other hosts must resolve
     * to public addresses only.
     */
    private List<String> allowedHosts = new ArrayList<>();

    /** Whether hosts in allowed-hosts may be called over plain http (tests, local receivers); warned at start. */
    private boolean allowHttp;

    /**
     * Waits before the 2nd, 3rd, ... attempt of a failed delivery; after the last attempt a delivery is dead. The
     * default is the Standard Webhooks example schedule (10 attempts over about 3 days).
     */
    private List<Duration> retrySchedule = new ArrayList<>(RetrySchedule.STANDARD.delays());

    /** Fraction of each retry wait varied at random (0 to 1), so failed deliveries do not return in step. */
    private double retryJitter = RetrySchedule.STANDARD.jitter();

    /** Connect timeout of a delivery attempt. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** How long a delivery attempt waits for the receiver's answer (Standard Webhooks suggests 15 to 30 s). */
    private Duration readTimeout = Duration.ofSeconds(15);

    /** Delivery worker threads of this instance. */
    private int workers = 2;

    /** Outbox rows one worker claims at a time. */
    private int batchSize = 100;

    /** Attempts in flight per worker. */
    private int concurrency = 32;

    /** How long a claimed row stays with its worker; after that another worker (any instance) may take it. */
    private Duration lease = Duration.ofMinutes(2);

    /** How often an idle worker looks for due deliveries. */
    private Duration idlePoll = Duration.ofMillis(200);

    /** How long an endpoint may fail without one success before it is disabled. */
    private Duration disableAfter = Duration.ofDays(5);

    /** How long a delivered row stays in the store (for the Actuator's counts and audits) before it is deleted. */
    private Duration keepDelivered = Duration.ofDays(7);

    /** How long a dead row (its attempts used up) stays in the store, to be replayed, before it is deleted. */
    private Duration keepDead = Duration.ofDays(30);

    /** The receiving side: an endpoint that verifies incoming webhooks and publishes their events. */
    private Receiver receiver = new Receiver();

    public Map<String, Endpoint> getEndpoints() {
        return this.endpoints;
    }

    public void setEndpoints(Map<String, Endpoint> endpoints) {
        this.endpoints = endpoints;
    }

    public List<String> getAllowedHosts() {
        return this.allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public boolean isAllowHttp() {
        return this.allowHttp;
    }

    public void setAllowHttp(boolean allowHttp) {
        this.allowHttp = allowHttp;
    }

    public List<Duration> getRetrySchedule() {
        return this.retrySchedule;
    }

    public void setRetrySchedule(List<Duration> retrySchedule) {
        this.retrySchedule = retrySchedule;
    }

    public double getRetryJitter() {
        return this.retryJitter;
    }

    public void setRetryJitter(double retryJitter) {
        this.retryJitter = retryJitter;
    }

    public Duration getConnectTimeout() {
        return this.connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return this.readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getWorkers() {
        return this.workers;
    }

    public void setWorkers(int workers) {
        this.workers = workers;
    }

    public int getBatchSize() {
        return this.batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getConcurrency() {
        return this.concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public Duration getLease() {
        return this.lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getIdlePoll() {
        return this.idlePoll;
    }

    public void setIdlePoll(Duration idlePoll) {
        this.idlePoll = idlePoll;
    }

    public Duration getDisableAfter() {
        return this.disableAfter;
    }

    public void setDisableAfter(Duration disableAfter) {
        this.disableAfter = disableAfter;
    }

    public Duration getKeepDelivered() {
        return this.keepDelivered;
    }

    public void setKeepDelivered(Duration keepDelivered) {
        this.keepDelivered = keepDelivered;
    }

    public Duration getKeepDead() {
        return this.keepDead;
    }

    public void setKeepDead(Duration keepDead) {
        this.keepDead = keepDead;
    }

    public Receiver getReceiver() {
        return this.receiver;
    }

    public void setReceiver(Receiver receiver) {
        this.receiver = receiver;
    }

    /** One webhook endpoint. */
    public static class Endpoint {

        /** Where signed messages are POSTed; https (plain http only with allow-http for allowed hosts). */
        private @Nullable URI url;

        /** The signing secret: whsec_ followed by the base64 of 24 to 64 random bytes. */
        private @Nullable String secret;

        /** During a secret rotation, the old secret: it signs alongside secret until previous-secret-until. */
        private @Nullable String previousSecret;

        /** When the previous secret stops signing (an ISO-8601 instant, e.g. 2026-12-31T00:00:00Z). */
        private @Nullable Instant previousSecretUntil;

        /** Event types the endpoint gets, such as file.created; empty for all. */
        private List<String> events = new ArrayList<>();

        /** Path globs the endpoint gets (* within a level, ** across levels); empty for all. */
        private List<String> paths = new ArrayList<>();

        /** Cloud folder ids the endpoint gets; empty for all. */
        private List<Long> cloudFolders = new ArrayList<>();

        /** Owners (display names, any case) whose cloud folders' changes the endpoint gets; empty for all. */
        private List<String> owners = new ArrayList<>();

        /** Whether the endpoint is registered at all. */
        private boolean enabled = true;

        public @Nullable URI getUrl() {
            return this.url;
        }

        public void setUrl(@Nullable URI url) {
            this.url = url;
        }

        public @Nullable String getSecret() {
            return this.secret;
        }

        public void setSecret(@Nullable String secret) {
            this.secret = secret;
        }

        public @Nullable String getPreviousSecret() {
            return this.previousSecret;
        }

        public void setPreviousSecret(@Nullable String previousSecret) {
            this.previousSecret = previousSecret;
        }

        public @Nullable Instant getPreviousSecretUntil() {
            return this.previousSecretUntil;
        }

        public void setPreviousSecretUntil(@Nullable Instant previousSecretUntil) {
            this.previousSecretUntil = previousSecretUntil;
        }

        public List<String> getEvents() {
            return this.events;
        }

        public void setEvents(List<String> events) {
            this.events = events;
        }

        public List<String> getPaths() {
            return this.paths;
        }

        public void setPaths(List<String> paths) {
            this.paths = paths;
        }

        public List<Long> getCloudFolders() {
            return this.cloudFolders;
        }

        public void setCloudFolders(List<Long> cloudFolders) {
            this.cloudFolders = cloudFolders;
        }

        public List<String> getOwners() {
            return this.owners;
        }

        public void setOwners(List<String> owners) {
            this.owners = owners;
        }

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The receiving endpoint. */
    public static class Receiver {

        /** Whether the application receives webhooks at path and publishes their events. */
        private boolean enabled;

        /** The path the receiver listens on. */
        private String path = "/ctera/webhooks";

        /** Secrets a message may be signed with (whsec_...); several during a rotation. */
        private List<String> secrets = new ArrayList<>();

        /** How far a message's timestamp may be from now, either way. */
        private Duration tolerance = Duration.ofMinutes(5);

        /** How many received ids are remembered to refuse replays (for twice the tolerance). */
        private int replayCapacity = 100_000;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return this.path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public List<String> getSecrets() {
            return this.secrets;
        }

        public void setSecrets(List<String> secrets) {
            this.secrets = secrets;
        }

        public Duration getTolerance() {
            return this.tolerance;
        }

        public void setTolerance(Duration tolerance) {
            this.tolerance = tolerance;
        }

        public int getReplayCapacity() {
            return this.replayCapacity;
        }

        public void setReplayCapacity(int replayCapacity) {
            this.replayCapacity = replayCapacity;
        }
    }
}
