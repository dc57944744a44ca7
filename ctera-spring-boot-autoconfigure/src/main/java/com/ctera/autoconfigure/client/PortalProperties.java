package com.ctera.autoconfigure.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

import com.ctera.autoconfigure.bulk.BulkProperties;

/**
 * Settings of one portal, or the defaults of all portals. Every key is optional here: a portal's unset key falls back
 * to {@code ctera.defaults}, then to the built-in default.
 */
public class PortalProperties {

    /** Base URL of the portal, https://host[:port]. Use either this or host and port. */
    private @Nullable String url;

    /** Host name of the portal, when url is not given. */
    private @Nullable String host;

    /** Port of the portal, when url is not given. Defaults to 443 (or 80 with https: false). */
    private @Nullable Integer port;

    /** Whether host and port are reached over HTTPS. Defaults to true. */
    private @Nullable Boolean https;

    /**
     * Which API the portal bean uses: admin (global administration, /admin) or
     * services-portal (a team portal, /ServicesPortal). Defaults to admin.
     */
    private @Nullable String context;

    /** Team portal (tenant) that a global administrator works in after login. */
    private @Nullable String tenant;

    /** User name to log in with. */
    private @Nullable String username;

    /** Password to log in with. Never logged or shown. */
    private @Nullable String password;

    /** Bearer token sent instead of a login. Exclusive with password. Never logged or shown. */
    private @Nullable String bearerToken;

    /** Connection and response timeouts. */
    private final Timeouts timeouts = new Timeouts();

    /** TLS settings. */
    private final Ssl ssl = new Ssl();

    /** What one API call may cost: answer size, value length, listed items. */
    private final Limits limits = new Limits();

    /** Retries of failed calls: attempts, backoff, jitter, Retry-After and the retry budget. */
    @NestedConfigurationProperty
    private final RetryProperties retry = new RetryProperties();

    /** Client-side rate limiting, with per operation group overrides. */
    @NestedConfigurationProperty
    private final RateLimitProperties rateLimit = new RateLimitProperties();

    /** The circuit breaker. */
    @NestedConfigurationProperty
    private final CircuitBreakerProperties circuitBreaker = new CircuitBreakerProperties();

    /** Bulk operations of this portal: concurrency, failure policy, rollback. */
    @NestedConfigurationProperty
    private final BulkProperties bulk = new BulkProperties();

    public @Nullable String getUrl() {
        return this.url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getHost() {
        return this.host;
    }

    public void setHost(@Nullable String host) {
        this.host = host;
    }

    public @Nullable Integer getPort() {
        return this.port;
    }

    public void setPort(@Nullable Integer port) {
        this.port = port;
    }

    public @Nullable Boolean getHttps() {
        return this.https;
    }

    public void setHttps(@Nullable Boolean https) {
        this.https = https;
    }

    public @Nullable String getContext() {
        return this.context;
    }

    public void setContext(@Nullable String context) {
        this.context = context;
    }

    public @Nullable String getTenant() {
        return this.tenant;
    }

    public void setTenant(@Nullable String tenant) {
        this.tenant = tenant;
    }

    public @Nullable String getUsername() {
        return this.username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    public @Nullable String getPassword() {
        return this.password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getBearerToken() {
        return this.bearerToken;
    }

    public void setBearerToken(@Nullable String bearerToken) {
        this.bearerToken = bearerToken;
    }

    public Timeouts getTimeouts() {
        return this.timeouts;
    }

    public Ssl getSsl() {
        return this.ssl;
    }

    public Limits getLimits() {
        return this.limits;
    }

    public RetryProperties getRetry() {
        return this.retry;
    }

    public RateLimitProperties getRateLimit() {
        return this.rateLimit;
    }

    public CircuitBreakerProperties getCircuitBreaker() {
        return this.circuitBreaker;
    }

    public BulkProperties getBulk() {
        return this.bulk;
    }

    /** Whether this block names a portal at all (a URL or a host). */
    boolean isSpecified() {
        return hasText(this.url) || hasText(this.host);
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "PortalProperties{url=" + this.url + ", host=" + this.host + ", port=" + this.port + ", context="
                + this.context + ", tenant=" + this.tenant + ", username=" + this.username + ", password="
                + Secrets.mask(this.password) + ", bearerToken=" + Secrets.mask(this.bearerToken) + ", timeouts="
                + this.timeouts + ", ssl=" + this.ssl + "}";
    }

    /** Timeouts of the calls to one portal. */
    public static class Timeouts {

        /** Time allowed to open a connection. Defaults to 5s. */
        private @Nullable Duration connect;

        /** Time allowed for the portal to answer once the request is sent. Defaults to 30s. */
        private @Nullable Duration read;

        /** Overall deadline of one call, every retry and backoff included. Unset: no overall deadline. */
        private @Nullable Duration overall;

        /**
         * Longest one attempt of an API call may take, from sending the request to the end of the answer; the
         * attempt is then abandoned and retried under the retry rules. Unlike the read timeout, it also ends an
         * answer that trickles in. Not applied to file transfers. Defaults to 60s.
         */
        private @Nullable Duration attempt;

        /**
         * Least a file transfer (upload, download, zip) must move in each transfer-throughput-window, or it fails as
         * stalled and is retried by the usual rules; transfers have no fixed time limit. 0 turns the rule off.
         * Defaults to 1KB.
         */
        private @Nullable DataSize transferMinThroughput;

        /** The window transfer-min-throughput is counted in. Defaults to 30s. */
        private @Nullable Duration transferThroughputWindow;

        public @Nullable Duration getConnect() {
            return this.connect;
        }

        public void setConnect(@Nullable Duration connect) {
            this.connect = connect;
        }

        public @Nullable Duration getRead() {
            return this.read;
        }

        public void setRead(@Nullable Duration read) {
            this.read = read;
        }

        public @Nullable Duration getOverall() {
            return this.overall;
        }

        public void setOverall(@Nullable Duration overall) {
            this.overall = overall;
        }

        public @Nullable Duration getAttempt() {
            return this.attempt;
        }

        public void setAttempt(@Nullable Duration attempt) {
            this.attempt = attempt;
        }

        public @Nullable DataSize getTransferMinThroughput() {
            return this.transferMinThroughput;
        }

        public void setTransferMinThroughput(@Nullable DataSize transferMinThroughput) {
            this.transferMinThroughput = transferMinThroughput;
        }

        public @Nullable Duration getTransferThroughputWindow() {
            return this.transferThroughputWindow;
        }

        public void setTransferThroughputWindow(@Nullable Duration transferThroughputWindow) {
            this.transferThroughputWindow = transferThroughputWindow;
        }

        @Override
        public String toString() {
            return "{connect=" + this.connect + ", read=" + this.read + ", overall=" + this.overall + ", attempt="
                    + this.attempt + ", transferMinThroughput=" + this.transferMinThroughput
                    + ", transferThroughputWindow=" + this.transferThroughputWindow + "}";
        }
    }

    /** Bounds on what one answer or listing of a portal may cost. */
    public static class Limits {

        /**
         * Largest answer to one API call; a larger one fails the call with a protocol error before it can exhaust
         * the heap. Not applied to file downloads. Defaults to 64MB.
         */
        private @Nullable DataSize maxAnswerSize;

        /**
         * Longest text or attribute value in an XML answer, in characters (whitespace between elements counts).
         * Defaults to 8MB.
         */
        private @Nullable DataSize maxTextLength;

        /**
         * Most items one paged listing delivers; a portal that answers hasMore=true without end then fails the
         * listing with a protocol error. Defaults to 10000000.
         */
        private @Nullable Long maxListItems;

        public @Nullable DataSize getMaxAnswerSize() {
            return this.maxAnswerSize;
        }

        public void setMaxAnswerSize(@Nullable DataSize maxAnswerSize) {
            this.maxAnswerSize = maxAnswerSize;
        }

        public @Nullable DataSize getMaxTextLength() {
            return this.maxTextLength;
        }

        public void setMaxTextLength(@Nullable DataSize maxTextLength) {
            this.maxTextLength = maxTextLength;
        }

        public @Nullable Long getMaxListItems() {
            return this.maxListItems;
        }

        public void setMaxListItems(@Nullable Long maxListItems) {
            this.maxListItems = maxListItems;
        }

        @Override
        public String toString() {
            return "{maxAnswerSize=" + this.maxAnswerSize + ", maxTextLength=" + this.maxTextLength
                    + ", maxListItems=" + this.maxListItems + "}";
        }
    }

    /** TLS settings of the calls to one portal. */
    public static class Ssl {

        /**
         * Whether to trust any certificate the portal presents. Off by default; turning it on removes protection
         * against an impostor portal and logs a warning at start-up. Meant for test portals only.
         */
        private @Nullable Boolean insecureTrustAll;

        /**
         * Name of the Spring Boot SSL bundle, defined under spring.ssl.bundle.pem or spring.ssl.bundle.jks, that
         * holds the portal's trust material, for a private or self-signed certificate; also a client certificate if
         * the portal asks for one. Unset: the JVM's trust store. Host names are verified either way.
         */
        private @Nullable String bundle;

        public @Nullable String getBundle() {
            return this.bundle;
        }

        public void setBundle(@Nullable String bundle) {
            this.bundle = bundle;
        }

        public @Nullable Boolean getInsecureTrustAll() {
            return this.insecureTrustAll;
        }

        public void setInsecureTrustAll(@Nullable Boolean insecureTrustAll) {
            this.insecureTrustAll = insecureTrustAll;
        }

        @Override
        public String toString() {
            return "{bundle=" + this.bundle + ", insecureTrustAll=" + this.insecureTrustAll + "}";
        }
    }
}
