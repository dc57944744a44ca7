package com.ctera.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micrometer.observation.ObservationRegistry;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

import com.ctera.client.pipeline.CallInterceptor;
import com.ctera.client.pipeline.CallPipeline;
import com.ctera.client.session.PortalCredentials;
import com.ctera.client.transport.CallLimits;
import com.ctera.client.transport.PortalEndpoint;
import com.ctera.client.transport.TransferThroughput;
import com.ctera.client.transport.TransportSettings;

/**
 * Configures a {@link CteraPortal}. {@link #build()} validates every setting and opens no connection: the client
 * logs in on its first call.
 */
public final class CteraPortalBuilder {

    /** The {@code User-Agent} sent when none is configured. */
    public static final String DEFAULT_USER_AGENT = "ctera-spring-boot-client/0.1.0 (Java "
            + System.getProperty("java.specification.version", "17") + ")";

    private String name = "ctera";

    private @Nullable String baseUrl;

    private PortalContext context = PortalContext.ADMIN;

    private @Nullable String tenant;

    private @Nullable String username;

    private @Nullable String password;

    private @Nullable String bearerToken;

    private Duration connectTimeout = Duration.ofSeconds(5);

    private Duration readTimeout = Duration.ofSeconds(30);

    private TransferThroughput transferMinThroughput = TransferThroughput.DEFAULT;

    private WebClient.@Nullable Builder webClientBuilder;

    private ObservationRegistry httpObservations = ObservationRegistry.NOOP;

    private @Nullable ClientRequestObservationConvention httpObservationConvention;

    private boolean insecureTrustAllCertificates;

    private @Nullable SslContext sslContext;

    private String userAgent = DEFAULT_USER_AGENT;

    private final List<CallInterceptor> interceptors = new ArrayList<>();

    private Duration taskPollInterval = Duration.ofSeconds(1);

    private long maxAnswerSize = CallLimits.DEFAULTS.maxAnswerSize();

    private int maxTextLength = CallLimits.DEFAULTS.maxTextLength();

    private Duration attemptTimeout = CallLimits.DEFAULTS.attemptTimeout();

    private long maxListItems = CallLimits.DEFAULTS.maxListItems();

    CteraPortalBuilder() {
    }

    /** A name for this portal, used in logs, metrics and {@code toString()}; default {@code ctera}. */
    public CteraPortalBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** The portal's base URL, {@code http} or {@code https}, such as {@code https://portal.example.com}. */
    public CteraPortalBuilder baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    /** The portal's base URL, {@code http} or {@code https}. */
    public CteraPortalBuilder baseUrl(URI baseUrl) {
        this.baseUrl = baseUrl.toString();
        return this;
    }

    /** Global administration ({@link PortalContext#ADMIN}, the default) or a tenant's services portal. */
    public CteraPortalBuilder context(PortalContext context) {
        this.context = context;
        return this;
    }

    /** Admin context with credentials only: the tenant to browse after every login; null for none. */
    public CteraPortalBuilder tenant(@Nullable String tenant) {
        this.tenant = tenant;
        return this;
    }

    /** Log in with a user name and password; excludes {@link #bearerToken(String)}. */
    public CteraPortalBuilder credentials(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    /** Send {@code Authorization: Bearer <token>} on every request, with no login; excludes credentials. */
    public CteraPortalBuilder bearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
        return this;
    }

    /** TCP connect timeout; default 5 s. */
    public CteraPortalBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    /** Longest wait for an answer to start, and longest silence while it streams in; default 30 s. */
    public CteraPortalBuilder readTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
        return this;
    }

    /**
     * The slowest a file transfer (upload, download, zip) may move before it fails as stalled with a retryable
     * {@code CteraTransportException}: at least {@code bytes} in every {@code period}; default 1 KiB per 30 s.
     * Transfers have no fixed time limit, so a large file on a good link is never cut off; 0 bytes turns the rule
     * off.
     */
    public CteraPortalBuilder transferMinThroughput(long bytes, Duration period) {
        this.transferMinThroughput = new TransferThroughput(bytes, period);
        return this;
    }

    /**
     * A WebClient builder whose exchange filters are to see the client's requests. When it carries filters, every
     * request goes through a WebClient built from a clone of it, keeping its codecs and observation settings, with
     * the client's own connector (timeouts, TLS, no redirects, one pool per portal). Without filters it is not used:
     * requests go to Reactor Netty directly, below any WebClient, which costs a call a third less CPU
     * (docs/benchmarks.md). To observe every HTTP exchange either way, give the registry to {@link #httpObservations}.
     */
    public CteraPortalBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
        this.webClientBuilder = webClientBuilder;
        return this;
    }

    /**
     * Observes every HTTP exchange with the portal as Spring's WebClient does ({@code http.client.requests}, in a
     * {@code PortalExchangeContext}, a subclass of Spring's {@code ClientRequestObservationContext}), each a child of
     * its call's observation, so that with a tracer each attempt of a call is a span under it and carries the
     * tracer's headers; default none.
     * @param registry the registry to record the exchanges in
     * @param convention names and tags them; {@code null} for Spring's default
     */
    public CteraPortalBuilder httpObservations(ObservationRegistry registry,
            @Nullable ClientRequestObservationConvention convention) {
        this.httpObservations = registry;
        this.httpObservationConvention = convention;
        return this;
    }

    /** Skip TLS certificate verification; default false. Only for test portals: it logs a warning. */
    public CteraPortalBuilder insecureTrustAllCertificates(boolean insecureTrustAllCertificates) {
        this.insecureTrustAllCertificates = insecureTrustAllCertificates;
        return this;
    }

    /**
     * The TLS context that verifies the portal, built with the trust material of a private or self-signed portal
     * certificate ({@code SslContextBuilder.forClient().trustManager(...)}), and a client certificate if the portal
     * asks for one; default the JVM's trust store. Host names are still verified.
     */
    public CteraPortalBuilder sslContext(SslContext sslContext) {
        this.sslContext = sslContext;
        return this;
    }

    /** The {@code User-Agent} header; default {@link #DEFAULT_USER_AGENT}. */
    public CteraPortalBuilder userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** The pause between two reads of an awaited background task; default 1 s, as the SDK polls. */
    public CteraPortalBuilder taskPollInterval(Duration taskPollInterval) {
        this.taskPollInterval = taskPollInterval;
        return this;
    }

    /**
     * The most bytes one answer to an API call may have; default 64 MiB. A larger answer fails the call with a
     * {@code CteraProtocolException} before it can exhaust the heap. File downloads are not bounded by it.
     */
    public CteraPortalBuilder maxAnswerSize(long maxAnswerSize) {
        this.maxAnswerSize = maxAnswerSize;
        return this;
    }

    /** The most characters of one text or attribute value of an XML answer (whitespace included); default 8 Mi. */
    public CteraPortalBuilder maxTextLength(int maxTextLength) {
        this.maxTextLength = maxTextLength;
        return this;
    }

    /**
     * The longest one attempt of an API call may take, from sending the request to the end of the answer; default
     * 60 s. An attempt past it is abandoned with a retryable {@code CteraTransportException}, so the retry stage
     * repeats it under its usual rules. Unlike the read timeout, it also ends an answer that trickles in. A long poll
     * may take its own wait plus the read timeout. File transfers are not bounded by it.
     */
    public CteraPortalBuilder attemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
        return this;
    }

    /**
     * The most items one paged listing delivers; default 10,000,000. A portal that answers {@code hasMore=true}
     * without end then fails the listing with a {@code CteraProtocolException} instead of running for good.
     */
    public CteraPortalBuilder maxListItems(long maxListItems) {
        this.maxListItems = maxListItems;
        return this;
    }

    /**
     * Adds a stage to the call pipeline (observation, retry, circuit breaker, rate limiting); stages run in
     * {@link CallInterceptor#order()} order whatever the order they were added in.
     */
    public CteraPortalBuilder interceptor(CallInterceptor interceptor) {
        this.interceptors.add(interceptor);
        return this;
    }

    /**
     * Validates the settings and creates the client; opens no connection.
     * @throws IllegalArgumentException naming the first bad setting
     */
    public CteraPortal build() {
        require(!this.name.isBlank(), "name must not be blank");
        URI url = validUrl();
        requirePositive(this.connectTimeout, "connectTimeout");
        requirePositive(this.readTimeout, "readTimeout");
        requirePositive(this.taskPollInterval, "taskPollInterval");
        requirePositive(this.attemptTimeout, "attemptTimeout");
        require(this.maxAnswerSize > 0, "maxAnswerSize must be positive, was " + this.maxAnswerSize);
        require(this.maxTextLength > 0, "maxTextLength must be positive, was " + this.maxTextLength);
        require(this.maxListItems > 0, "maxListItems must be positive, was " + this.maxListItems);
        require(!this.userAgent.isBlank(), "userAgent must not be blank");
        require(this.tenant == null || !this.tenant.isBlank(), "tenant must not be blank (use null for none)");
        require(this.tenant == null || this.context == PortalContext.ADMIN,
                "tenant is only allowed in the admin context; a services portal is already one tenant");
        require(this.sslContext == null || this.sslContext.isClient(), "sslContext must be a client context");
        require(this.sslContext == null || !this.insecureTrustAllCertificates,
                "sslContext and insecureTrustAllCertificates are exclusive; configure only one");
        PortalCredentials credentials = validCredentials();
        // Browsing is state of a login session; a bearer token has none to carry it.
        require(this.tenant == null || credentials instanceof PortalCredentials.Password,
                "tenant needs credentials: a bearer token has no session in which to browse a tenant");
        TransportSettings settings = new TransportSettings(this.name, new PortalEndpoint(url, this.context),
                this.connectTimeout, this.readTimeout, this.userAgent, this.insecureTrustAllCertificates,
                this.webClientBuilder, this.httpObservations, this.httpObservationConvention,
                this.transferMinThroughput, this.sslContext);
        CallLimits limits = new CallLimits(this.maxAnswerSize, this.maxTextLength, this.attemptTimeout,
                this.maxListItems);
        return new CteraPortal(settings, credentials, this.tenant, CallPipeline.of(this.interceptors),
                this.taskPollInterval, limits);
    }

    private URI validUrl() {
        require(this.baseUrl != null && !this.baseUrl.isBlank(), "baseUrl is required");
        // Before any message repeats the URL: user info may hold a password, and a malformed one may not even
        // parse as such.
        require(!hasUserInfo(this.baseUrl), "baseUrl must not carry user info (user:password@); use credentials(...)");
        URI url;
        try {
            url = new URI(this.baseUrl.trim());
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException("baseUrl '" + this.baseUrl + "' is not a valid URL", ex);
        }
        String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
        require(scheme.equals("http") || scheme.equals("https"),
                "baseUrl '" + this.baseUrl + "' must use http or https");
        require(url.getHost() != null, "baseUrl '" + this.baseUrl + "' has no host");
        require(url.getRawQuery() == null && url.getRawFragment() == null,
                "baseUrl '" + this.baseUrl + "' must not have a query or fragment");
        return url;
    }

    /** Whether the authority of a URL, as written, holds user info ({@code scheme://user:password@host}). */
    public static boolean hasUserInfo(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return url.indexOf('@') >= 0 && url.indexOf('@') < firstOf(url, 0, "/?#");
        }
        int end = firstOf(url, start + 2, "/?#");
        return url.substring(start + 2, end).indexOf('@') >= 0;
    }

    private static int firstOf(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private PortalCredentials validCredentials() {
        boolean password = this.username != null || this.password != null;
        boolean bearer = this.bearerToken != null;
        require(!(password && bearer), "credentials and bearerToken are exclusive; configure only one");
        if (bearer) {
            require(!this.bearerToken.isBlank(), "bearerToken must not be blank");
            return new PortalCredentials.Bearer(this.bearerToken);
        }
        require(password, "credentials or bearerToken is required");
        require(this.username != null && !this.username.isBlank(), "credentials: username must not be blank");
        require(this.password != null && !this.password.isEmpty(), "credentials: password must not be empty");
        return new PortalCredentials.Password(this.username, this.password);
    }

    private static void requirePositive(Duration duration, String setting) {
        require(!duration.isNegative() && !duration.isZero(), setting + " must be positive, was " + duration);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        String url = (this.baseUrl != null && hasUserInfo(this.baseUrl)) ? "(with user info, hidden)" : this.baseUrl;
        return "CteraPortalBuilder[name=" + this.name + ", baseUrl=" + url + ", context=" + this.context
                + ", user=" + this.username + "]";
    }
}
