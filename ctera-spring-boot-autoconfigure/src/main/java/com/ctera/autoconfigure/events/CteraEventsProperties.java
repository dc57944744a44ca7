package com.ctera.autoconfigure.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.ctera.client.events.PollerSettings;

/** The ctera.events.* properties: portal changes as Spring events (and the source of webhooks). */
@ConfigurationProperties("ctera.events")
public class CteraEventsProperties {

    /** Whether the starter follows the portals' change feeds and publishes their changes as events. */
    private boolean enabled;

    /** Names of the portals to follow; empty follows every configured portal. */
    private List<String> portals = new ArrayList<>();

    /** Ids of the cloud folders to follow; empty follows every folder the portal's login sees. */
    private List<Long> cloudFolders = new ArrayList<>();

    /**
     * Owners (display names as the portal shows them, any case) whose cloud folders' changes are published and sent
     * to webhooks; empty publishes every owner's. Owners are looked up in the login's top-level listing.
     */
    private List<String> owners = new ArrayList<>();

    /** Where a portal with no stored cursor starts: now (only later changes) or beginning. */
    private PollerSettings.StartFrom startFrom = PollerSettings.StartFrom.NOW;

    /** How long the portal holds a long poll waiting for changes. */
    private Duration longpollTimeout = Duration.ofSeconds(10);

    /** Most changes read in one metadata/list page (one transaction). */
    private int maxResults = 2000;

    /** First wait after the feed fails; doubled per failure, with jitter. */
    private Duration initialBackoff = Duration.ofSeconds(1);

    /** Longest wait between attempts while the feed fails. */
    private Duration maxBackoff = Duration.ofMinutes(1);

    /**
     * How long a portal's poller lease lasts without renewal: with several instances on one database, the time
     * before another instance takes over from one that died. Must exceed the long-poll timeout.
     */
    private Duration leaseTime = Duration.ofMinutes(1);

    /** How often an instance that does not hold a portal's lease asks for it. */
    private Duration leaseRetry = Duration.ofSeconds(5);

    /**
     * Whether events carry the item's full path (one ancestors call per folder not seen before). Paths are
     * resolved anyway when a webhook filters on them.
     */
    private boolean resolvePaths = true;

    /** This instance's id in the poller lease; empty uses the host name and a random suffix. */
    private String instanceId = "";

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getPortals() {
        return this.portals;
    }

    public void setPortals(List<String> portals) {
        this.portals = portals;
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

    public PollerSettings.StartFrom getStartFrom() {
        return this.startFrom;
    }

    public void setStartFrom(PollerSettings.StartFrom startFrom) {
        this.startFrom = startFrom;
    }

    public Duration getLongpollTimeout() {
        return this.longpollTimeout;
    }

    public void setLongpollTimeout(Duration longpollTimeout) {
        this.longpollTimeout = longpollTimeout;
    }

    public int getMaxResults() {
        return this.maxResults;
    }

    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public Duration getInitialBackoff() {
        return this.initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return this.maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getLeaseTime() {
        return this.leaseTime;
    }

    public void setLeaseTime(Duration leaseTime) {
        this.leaseTime = leaseTime;
    }

    public Duration getLeaseRetry() {
        return this.leaseRetry;
    }

    public void setLeaseRetry(Duration leaseRetry) {
        this.leaseRetry = leaseRetry;
    }

    public boolean isResolvePaths() {
        return this.resolvePaths;
    }

    public void setResolvePaths(boolean resolvePaths) {
        this.resolvePaths = resolvePaths;
    }

    public String getInstanceId() {
        return this.instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    /** The poller settings, checked: a bad value stops startup naming the property and what is allowed. */
    PollerSettings toSettings(boolean resolvePaths, boolean resolveOwners) {
        positive("ctera.events.longpoll-timeout", this.longpollTimeout);
        positive("ctera.events.initial-backoff", this.initialBackoff);
        positive("ctera.events.lease-retry", this.leaseRetry);
        if (this.maxBackoff.compareTo(this.initialBackoff) < 0) {
            throw invalid("ctera.events.max-backoff", this.maxBackoff, "at least ctera.events.initial-backoff ("
                    + this.initialBackoff + ")");
        }
        if (this.leaseTime.compareTo(this.longpollTimeout.multipliedBy(2)) < 0) {
            throw invalid("ctera.events.lease-time", this.leaseTime, "at least twice ctera.events.longpoll-timeout ("
                    + this.longpollTimeout + "), so a long poll never outlives the lease");
        }
        if (this.maxResults < 1 || this.maxResults > 10_000) {
            throw invalid("ctera.events.max-results", this.maxResults, "1 to 10000");
        }
        for (String owner : this.owners) {
            if (owner == null || owner.isBlank()) {
                throw invalid("ctera.events.owners", this.owners, "owners' display names, none blank");
            }
        }
        return new PollerSettings(this.cloudFolders, this.longpollTimeout, this.maxResults, this.initialBackoff,
                this.maxBackoff, this.leaseRetry, resolvePaths, this.startFrom, new HashSet<>(this.owners),
                resolveOwners);
    }

    static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw invalid(name, value, "a positive duration");
        }
    }

    static IllegalStateException invalid(String name, Object value, String allowed) {
        return new IllegalStateException("Invalid CTERA configuration: " + name + " is " + value + "; allowed: "
                + allowed);
    }
}
