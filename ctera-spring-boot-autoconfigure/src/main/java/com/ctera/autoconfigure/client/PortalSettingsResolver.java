package com.ctera.autoconfigure.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

import com.ctera.autoconfigure.bulk.BulkSettingsResolver;
import com.ctera.client.CteraPortalBuilder;
import com.ctera.client.PortalContext;
import com.ctera.client.transport.CallLimits;
import com.ctera.client.transport.TransferThroughput;

/**
 * Turns {@link CteraProperties} into {@link PortalSettings}, resilience stages included: each key of a portal falls
 * back to the same key of {@code ctera.defaults}, then to the built-in default. Also the single place that decides
 * what is valid; every message names the property in its canonical form and says what is allowed.
 */
final class PortalSettingsResolver {

    /** Name of the portal the starter configures against its embedded simulator. */
    static final String EMBEDDED_PORTAL_NAME = EmbeddedPortalSettings.PORTAL_NAME;

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private PortalSettingsResolver() {
    }

    /** Resolves every configured portal; throws {@link IllegalStateException} listing all problems if any. */
    static Map<String, PortalSettings> resolveAll(CteraProperties properties, CteraRateLimitProperties shorthand) {
        List<String> problems = new ArrayList<>();
        validate(properties, problems::add);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid CTERA configuration: " + String.join("; ", problems));
        }
        Map<String, PortalSettings> resolved = new LinkedHashMap<>();
        properties.configuredPortals()
            .forEach((name, portal) -> resolved.put(name,
                    resolve(name, prefixOf(properties, name), portal, properties.getDefaults(), shorthand)));
        return resolved;
    }

    /** Where the portal's keys are: {@code ctera.portals.<name>}, or {@code ctera.portal} for the shorthand. */
    private static String prefixOf(CteraProperties properties, String name) {
        return (CteraProperties.SHORTHAND_PORTAL_NAME.equals(name) && !properties.getPortals().containsKey(name))
                ? "ctera.portal" : prefix(name);
    }

    /**
     * Everything the starter creates beans from: every configured portal, the embedded one when the simulator runs,
     * the resilience of {@code ctera.defaults} and the {@code ctera.rate-limit.*} limits of application code.
     */
    static CteraPortalDefinitions definitions(CteraProperties properties, CteraRateLimitProperties rateLimit,
            @Nullable PortalProperties embedded) {
        Map<String, PortalSettings> settings = resolveAll(properties, rateLimit);
        if (embedded != null) {
            settings.putIfAbsent(EMBEDDED_PORTAL_NAME, resolve(EMBEDDED_PORTAL_NAME, prefix(EMBEDDED_PORTAL_NAME),
                    embedded, properties.getDefaults(), rateLimit));
        }
        Map<String, LimitSettings> named = new LinkedHashMap<>();
        rateLimit.getLimits().forEach((key, limit) -> named.put(key,
                ResilienceSettingsResolver.limit("ctera.rate-limit.limits." + key, rateLimit, limit)));
        LimitSettings unnamed = (rateLimit.isEnabled() && rateLimit.getMaxRequests() != null)
                ? ResilienceSettingsResolver.limit("ctera.rate-limit", rateLimit, new LimitProperties()) : null;
        ResilienceSettings defaults = ResilienceSettingsResolver.resolve("ctera.defaults", new PortalProperties(),
                properties.getDefaults(), rateLimit);
        return new CteraPortalDefinitions(settings, defaults, named, unnamed);
    }

    /** Reports each problem of the configuration, as a message that names the property. */
    static void validate(CteraProperties properties, Consumer<String> problems) {
        PortalProperties defaults = properties.getDefaults();
        checkOwnValues("ctera.defaults", defaults, problems);
        properties.getPortals().forEach((name, portal) -> checkPortal(prefix(name), portal, defaults, problems));
        if (properties.getPortal().isSpecified() || hasAnyValue(properties.getPortal())) {
            checkPortal("ctera.portal", properties.getPortal(), defaults, problems);
        }
        String primary = properties.getPrimary();
        if (primary != null && !properties.configuredPortals().containsKey(primary)
                && !primary.equals(EMBEDDED_PORTAL_NAME)) {
            problems.accept("ctera.primary names the portal '" + primary + "', which is not configured; configured: "
                    + properties.configuredPortals().keySet());
        }
    }

    private static String prefix(String name) {
        return "ctera.portals." + name;
    }

    private static void checkPortal(String prefix, PortalProperties portal, PortalProperties defaults,
            Consumer<String> problems) {
        checkOwnValues(prefix, portal, problems);
        String url = pick(portal, defaults, PortalProperties::getUrl);
        String host = pick(portal, defaults, PortalProperties::getHost);
        if (isBlank(url) && isBlank(host)) {
            problems.accept(prefix + ".url is required: set the portal's base URL (https://host[:port]) or "
                    + prefix + ".host");
        }
        if (!isBlank(url) && !isBlank(portal.getHost())) {
            problems.accept(prefix + ".url and " + prefix + ".host are both set; set only one of them");
        }
        String password = pick(portal, defaults, PortalProperties::getPassword);
        String token = pick(portal, defaults, PortalProperties::getBearerToken);
        String username = pick(portal, defaults, PortalProperties::getUsername);
        if (password != null && token != null) {
            problems.accept(prefix + ".password and " + prefix
                    + ".bearer-token are both set; a portal logs in with a password or sends a bearer token, not both");
        }
        if (password == null && token == null) {
            problems.accept(prefix + ".username and " + prefix + ".password (or " + prefix
                    + ".bearer-token) are required: the portal needs credentials");
        }
        if (pick(portal, defaults, (p) -> p.getSsl().getBundle()) != null
                && Boolean.TRUE.equals(pick(portal, defaults, (p) -> p.getSsl().getInsecureTrustAll()))) {
            problems.accept(prefix + ".ssl.bundle and " + prefix + ".ssl.insecure-trust-all are both set; trust the "
                    + "portal's certificate with the bundle, or everything with insecure-trust-all, not both");
        }
        if (password != null && isBlank(username)) {
            problems.accept(prefix + ".username is required when a password is set");
        }
    }

    /** Checks the keys a block sets itself, so a message names the block the bad value came from. */
    private static void checkOwnValues(String prefix, PortalProperties portal, Consumer<String> problems) {
        String url = portal.getUrl();
        if (!isBlank(url)) {
            checkUrl(prefix + ".url", url, problems);
        }
        Integer port = portal.getPort();
        if (port != null && (port < 1 || port > 65535)) {
            problems.accept(prefix + ".port must be between 1 and 65535, was " + port);
        }
        String context = portal.getContext();
        if (context != null) {
            try {
                PortalContext.parse(context);
            }
            catch (IllegalArgumentException ex) {
                problems.accept(prefix + ".context must be admin or services-portal, was '" + context + "'");
            }
        }
        checkPositive(prefix + ".timeouts.connect", portal.getTimeouts().getConnect(), problems);
        checkPositive(prefix + ".timeouts.read", portal.getTimeouts().getRead(), problems);
        checkPositive(prefix + ".timeouts.overall", portal.getTimeouts().getOverall(), problems);
        checkPositive(prefix + ".timeouts.attempt", portal.getTimeouts().getAttempt(), problems);
        checkLimits(prefix + ".limits", portal.getLimits(), problems);
        checkPositive(prefix + ".timeouts.transfer-throughput-window",
                portal.getTimeouts().getTransferThroughputWindow(), problems);
        DataSize minimum = portal.getTimeouts().getTransferMinThroughput();
        if (minimum != null && minimum.isNegative()) {
            problems.accept(prefix + ".timeouts.transfer-min-throughput must be 0 (off) or a size such as 1KB, was "
                    + minimum);
        }
        ResilienceSettingsResolver.validate(prefix, portal, problems);
        BulkSettingsResolver.validate(prefix, portal, problems);
    }

    private static void checkLimits(String prefix, PortalProperties.Limits limits, Consumer<String> problems) {
        checkSize(prefix + ".max-answer-size", limits.getMaxAnswerSize(), Long.MAX_VALUE, problems);
        checkSize(prefix + ".max-text-length", limits.getMaxTextLength(), Integer.MAX_VALUE, problems);
        Long items = limits.getMaxListItems();
        if (items != null && items < 1) {
            problems.accept(prefix + ".max-list-items must be at least 1, was " + items);
        }
    }

    private static void checkSize(String property, @Nullable DataSize value, long max, Consumer<String> problems) {
        if (value != null && (value.toBytes() < 1 || value.toBytes() > max)) {
            problems.accept(property + " must be a positive size such as 64MB, at most " + max + " bytes, was "
                    + value);
        }
    }

    private static void checkUrl(String property, String url, Consumer<String> problems) {
        if (CteraPortalBuilder.hasUserInfo(url)) {
            // Checked before anything can repeat the value: it may hold a password, and may not parse as a URL.
            problems.accept(property + " must not contain user information; set username and password instead");
            return;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        }
        catch (URISyntaxException ex) {
            problems.accept(property + " is not a valid URL (" + ex.getReason() + "); expected https://host[:port]");
            return;
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            problems.accept(property + " must use the https or http scheme, was '" + url + "'");
            return;
        }
        if (uri.getHost() == null) {
            problems.accept(property + " has no host, was '" + url + "'; expected https://host[:port]");
        }
    }

    private static void checkPositive(String property, @Nullable Duration value, Consumer<String> problems) {
        if (value != null && (value.isNegative() || value.isZero())) {
            problems.accept(property + " must be a positive duration such as 5s or 500ms, was " + value);
        }
    }

    /**
     * Builds the settings of one portal from already validated properties.
     * @param prefix where the portal's keys are, for the messages of settings that only fail in combination
     */
    static PortalSettings resolve(String name, String prefix, PortalProperties portal, PortalProperties defaults,
            CteraRateLimitProperties shorthand) {
        String url = pick(portal, defaults, PortalProperties::getUrl);
        URI baseUrl = isBlank(url) ? hostUrl(portal, defaults) : URI.create(stripTrailingSlash(url.trim()));
        String context = pick(portal, defaults, PortalProperties::getContext);
        Duration connect = pick(portal, defaults, (p) -> p.getTimeouts().getConnect());
        Duration read = pick(portal, defaults, (p) -> p.getTimeouts().getRead());
        Boolean trustAll = pick(portal, defaults, (p) -> p.getSsl().getInsecureTrustAll());
        CallLimits builtIn = CallLimits.DEFAULTS;
        Duration attempt = pick(portal, defaults, (p) -> p.getTimeouts().getAttempt());
        DataSize answerSize = pick(portal, defaults, (p) -> p.getLimits().getMaxAnswerSize());
        DataSize textLength = pick(portal, defaults, (p) -> p.getLimits().getMaxTextLength());
        Long listItems = pick(portal, defaults, (p) -> p.getLimits().getMaxListItems());
        CallLimits limits = new CallLimits((answerSize != null) ? answerSize.toBytes() : builtIn.maxAnswerSize(),
                (textLength != null) ? (int) textLength.toBytes() : builtIn.maxTextLength(),
                (attempt != null) ? attempt : builtIn.attemptTimeout(),
                (listItems != null) ? listItems : builtIn.maxListItems());
        DataSize minThroughput = pick(portal, defaults, (p) -> p.getTimeouts().getTransferMinThroughput());
        Duration throughputWindow = pick(portal, defaults, (p) -> p.getTimeouts().getTransferThroughputWindow());
        return new PortalSettings(name, baseUrl, (context != null) ? PortalContext.parse(context) : PortalContext.ADMIN,
                pick(portal, defaults, PortalProperties::getTenant),
                pick(portal, defaults, PortalProperties::getUsername),
                pick(portal, defaults, PortalProperties::getPassword),
                pick(portal, defaults, PortalProperties::getBearerToken),
                (connect != null) ? connect : DEFAULT_CONNECT_TIMEOUT, (read != null) ? read : DEFAULT_READ_TIMEOUT,
                Boolean.TRUE.equals(trustAll), limits, pick(portal, defaults, (p) -> p.getSsl().getBundle()),
                (minThroughput != null) ? minThroughput.toBytes() : TransferThroughput.DEFAULT.minimumBytes(),
                (throughputWindow != null) ? throughputWindow : TransferThroughput.DEFAULT.period(),
                ResilienceSettingsResolver.resolve(prefix, portal, defaults, shorthand));
    }

    private static URI hostUrl(PortalProperties portal, PortalProperties defaults) {
        String host = pick(portal, defaults, PortalProperties::getHost);
        Boolean https = pick(portal, defaults, PortalProperties::getHttps);
        boolean secure = !Boolean.FALSE.equals(https);
        Integer port = pick(portal, defaults, PortalProperties::getPort);
        int effectivePort = (port != null) ? port : (secure ? 443 : 80);
        return URI.create((secure ? "https" : "http") + "://" + host.trim() + ":" + effectivePort);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static <T> @Nullable T pick(PortalProperties portal, PortalProperties defaults,
            Function<PortalProperties, @Nullable T> key) {
        T own = key.apply(portal);
        return (own != null) ? own : key.apply(defaults);
    }

    private static boolean hasAnyValue(PortalProperties portal) {
        return portal.getPort() != null || portal.getUsername() != null || portal.getPassword() != null
                || portal.getBearerToken() != null || portal.getContext() != null || portal.getTenant() != null;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
