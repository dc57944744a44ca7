package com.ctera.autoconfigure.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.jspecify.annotations.Nullable;

import com.ctera.client.resilience.CircuitBreakerInterceptor;
import com.ctera.client.resilience.JdbcBucketStore;
import com.ctera.client.resilience.RetryBudget;
import com.ctera.client.resilience.RetryPolicy;

/**
 * Turns the {@code retry}, {@code rate-limit}, {@code circuit-breaker} and {@code timeouts.overall} keys of a
 * portal into {@link ResilienceSettings}: each key of the portal over the same key of {@code ctera.defaults}, then
 * the {@code ctera.rate-limit} shorthand, then the built-in default. Validation messages name the property.
 */
final class ResilienceSettingsResolver {

    /** The strategies a rate limit may name. */
    static final Set<String> STRATEGIES = Set.of("token-bucket", "fixed-window", "sliding-window", "adaptive",
            "none");

    static final double DEFAULT_RATE = 50;

    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);

    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    static final Duration DEFAULT_STORE_REQUEST_TIMEOUT = Duration.ofSeconds(2);

    static final Duration DEFAULT_STORE_RETRY_INTERVAL = Duration.ofSeconds(5);

    private ResilienceSettingsResolver() {
    }

    /** Reports each bad value the block sets itself, with the property's full name. */
    static void validate(String prefix, PortalProperties portal, Consumer<String> problems) {
        RetryProperties retry = portal.getRetry();
        String r = prefix + ".retry.";
        atLeast(r + "max-attempts", retry.getMaxAttempts(), 1, problems);
        notNegative(r + "base-delay", retry.getBaseDelay(), problems);
        positive(r + "max-delay", retry.getMaxDelay(), problems);
        notNegative(r + "max-retry-after", retry.getMaxRetryAfter(), problems);
        if (retry.getMultiplier() != null && !(retry.getMultiplier() >= 1.0)) {
            problems.accept(r + "multiplier must be at least 1, was " + retry.getMultiplier());
        }
        atLeast(r + "budget.capacity", retry.getBudget().getCapacity(), 0, problems);
        atLeast(r + "budget.retry-cost", retry.getBudget().getRetryCost(), 0, problems);
        atLeast(r + "budget.throttling-cost", retry.getBudget().getThrottlingCost(), 0, problems);
        atLeast(r + "budget.success-refund", retry.getBudget().getSuccessRefund(), 0, problems);
        validateLimit(prefix + ".rate-limit", portal.getRateLimit(), problems);
        portal.getRateLimit().getOperations()
            .forEach((group, limit) -> validateLimit(prefix + ".rate-limit.operations." + group, limit, problems));
        CircuitBreakerProperties cb = portal.getCircuitBreaker();
        String c = prefix + ".circuit-breaker.";
        percentage(c + "failure-rate-threshold", cb.getFailureRateThreshold(), problems);
        percentage(c + "slow-call-rate-threshold", cb.getSlowCallRateThreshold(), problems);
        positive(c + "slow-call-duration-threshold", cb.getSlowCallDurationThreshold(), problems);
        positive(c + "wait-duration-in-open-state", cb.getWaitDurationInOpenState(), problems);
        atLeast(c + "sliding-window-size", cb.getSlidingWindowSize(), 1, problems);
        atLeast(c + "minimum-number-of-calls", cb.getMinimumNumberOfCalls(), 1, problems);
        atLeast(c + "permitted-number-of-calls-in-half-open-state", cb.getPermittedNumberOfCallsInHalfOpenState(), 1,
                problems);
        String type = cb.getSlidingWindowType();
        if (type != null && windowType(type) == null) {
            problems.accept(c + "sliding-window-type must be count-based or time-based, was '" + type + "'");
        }
    }

    /** Reports each bad value of one limit. */
    static void validateLimit(String prefix, LimitProperties limit, Consumer<String> problems) {
        String strategy = limit.getStrategy();
        if (strategy != null && !STRATEGIES.contains(normalize(strategy))) {
            problems.accept(prefix + ".strategy must be one of token-bucket, fixed-window, sliding-window, adaptive, "
                    + "none, was '" + strategy + "'");
        }
        if (limit.getRate() != null && !(limit.getRate() > 0 && Double.isFinite(limit.getRate()))) {
            problems.accept(prefix + ".rate must be a positive number of permits per second, was " + limit.getRate());
        }
        if (limit.getMinRate() != null && !(limit.getMinRate() > 0)) {
            problems.accept(prefix + ".min-rate must be positive, was " + limit.getMinRate());
        }
        if (limit.getBurst() != null && limit.getBurst() < 1) {
            problems.accept(prefix + ".burst must be at least 1, was " + limit.getBurst());
        }
        atLeast(prefix + ".limit", limit.getLimit(), 1, problems);
        String shared = limit.getShared();
        if (shared != null && !List.of("none", "jdbc").contains(normalize(shared))) {
            problems.accept(prefix + ".shared must be none or jdbc, was '" + shared + "'");
        }
        String table = limit.getJdbc().getTable();
        if (table != null && !JdbcBucketStore.isValidTable(table)) {
            problems.accept(prefix + ".jdbc.table must be an SQL identifier such as " + JdbcBucketStore.DEFAULT_TABLE
                    + " or myschema." + JdbcBucketStore.DEFAULT_TABLE + ", was '" + table + "'");
        }
        positive(prefix + ".jdbc.request-timeout", limit.getJdbc().getRequestTimeout(), problems);
        notNegative(prefix + ".jdbc.retry-interval", limit.getJdbc().getRetryInterval(), problems);
        positive(prefix + ".window", limit.getWindow(), problems);
        notNegative(prefix + ".max-wait", limit.getMaxWait(), problems);
    }

    /** The settings of one portal from already validated properties. */
    static ResilienceSettings resolve(String prefix, PortalProperties portal, PortalProperties defaults,
            CteraRateLimitProperties shorthand) {
        return new ResilienceSettings(retry(prefix, portal, defaults),
                pick(portal, defaults, p -> p.getTimeouts().getOverall()), circuitBreaker(portal, defaults),
                Boolean.TRUE.equals(pick(portal, defaults, p -> p.getCircuitBreaker().getAffectsHealth())),
                portalLimit(prefix, portal, defaults, shorthand), operationLimits(prefix, portal, defaults, shorthand));
    }

    private static @Nullable RetryPolicy retry(String prefix, PortalProperties portal, PortalProperties defaults) {
        if (Boolean.FALSE.equals(pick(portal, defaults, p -> p.getRetry().getEnabled()))) {
            return null;
        }
        RetryPolicy d = RetryPolicy.DEFAULT;
        RetryBudget.Settings b = d.budget();
        RetryBudget.Settings budget = new RetryBudget.Settings(
                or(pick(portal, defaults, p -> p.getRetry().getBudget().getCapacity()), b.capacity()),
                or(pick(portal, defaults, p -> p.getRetry().getBudget().getRetryCost()), b.retryCost()),
                or(pick(portal, defaults, p -> p.getRetry().getBudget().getThrottlingCost()), b.throttlingCost()),
                or(pick(portal, defaults, p -> p.getRetry().getBudget().getSuccessRefund()), b.successRefund()));
        try {
            return new RetryPolicy(or(pick(portal, defaults, p -> p.getRetry().getMaxAttempts()), d.maxAttempts()),
                    or(pick(portal, defaults, p -> p.getRetry().getBaseDelay()), d.baseDelay()),
                    or(pick(portal, defaults, p -> p.getRetry().getMultiplier()), d.multiplier()),
                    or(pick(portal, defaults, p -> p.getRetry().getMaxDelay()), d.maxDelay()),
                    or(pick(portal, defaults, p -> p.getRetry().getFullJitter()), d.fullJitter()),
                    or(pick(portal, defaults, p -> p.getRetry().getMaxRetryAfter()), d.maxRetryAfter()), budget);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("Invalid CTERA configuration: " + prefix + ".retry: " + ex.getMessage(),
                    ex);
        }
    }

    private static @Nullable CircuitBreakerConfig circuitBreaker(PortalProperties portal, PortalProperties defaults) {
        if (Boolean.FALSE.equals(pick(portal, defaults, p -> p.getCircuitBreaker().getEnabled()))) {
            return null;
        }
        String type = pick(portal, defaults, p -> p.getCircuitBreaker().getSlidingWindowType());
        CircuitBreakerConfig.SlidingWindowType windowType = (type != null) ? windowType(type)
                : CircuitBreakerConfig.SlidingWindowType.COUNT_BASED;
        return CircuitBreakerInterceptor.configBuilder()
            .failureRateThreshold(or(pick(portal, defaults, p -> p.getCircuitBreaker().getFailureRateThreshold()), 50f))
            .slowCallRateThreshold(
                    or(pick(portal, defaults, p -> p.getCircuitBreaker().getSlowCallRateThreshold()), 100f))
            .slowCallDurationThreshold(or(pick(portal, defaults,
                    p -> p.getCircuitBreaker().getSlowCallDurationThreshold()), Duration.ofSeconds(60)))
            .slidingWindowType(windowType)
            .slidingWindowSize(or(pick(portal, defaults, p -> p.getCircuitBreaker().getSlidingWindowSize()), 100))
            .minimumNumberOfCalls(or(pick(portal, defaults, p -> p.getCircuitBreaker().getMinimumNumberOfCalls()), 20))
            .waitDurationInOpenState(or(pick(portal, defaults,
                    p -> p.getCircuitBreaker().getWaitDurationInOpenState()), Duration.ofSeconds(30)))
            .permittedNumberOfCallsInHalfOpenState(or(pick(portal, defaults,
                    p -> p.getCircuitBreaker().getPermittedNumberOfCallsInHalfOpenState()), 5))
            .build();
    }

    private static LimitSettings portalLimit(String prefix, PortalProperties portal, PortalProperties defaults,
            CteraRateLimitProperties shorthand) {
        return limit(prefix + ".rate-limit", shorthand, portal.getRateLimit(), defaults.getRateLimit());
    }

    private static Map<String, LimitSettings> operationLimits(String prefix, PortalProperties portal,
            PortalProperties defaults, CteraRateLimitProperties shorthand) {
        Set<String> groups = new LinkedHashSet<>(defaults.getRateLimit().getOperations().keySet());
        groups.addAll(portal.getRateLimit().getOperations().keySet());
        Map<String, LimitSettings> limits = new LinkedHashMap<>();
        for (String group : groups) {
            LimitProperties own = portal.getRateLimit().getOperations().get(group);
            LimitProperties inherited = defaults.getRateLimit().getOperations().get(group);
            limits.put(group, limit(prefix + ".rate-limit.operations." + group, shorthand,
                    (own != null) ? own : new LimitProperties(), (inherited != null) ? inherited : new LimitProperties(),
                    portal.getRateLimit(), defaults.getRateLimit()));
        }
        return limits;
    }

    /** One limit from layers of properties, most specific first, then the shorthand, then built-in defaults. */
    static LimitSettings limit(String prefix, CteraRateLimitProperties shorthand, LimitProperties... layers) {
        if (!shorthand.isEnabled()) {
            return LimitSettings.NONE;
        }
        String strategy = first(layers, LimitProperties::getStrategy);
        Integer limit = first(layers, LimitProperties::getLimit);
        Duration window = first(layers, LimitProperties::getWindow);
        if (strategy == null && shorthand.getMaxRequests() != null) {
            strategy = "fixed-window";
            limit = (limit != null) ? limit : shorthand.getMaxRequests();
            window = (window != null) ? window : shorthand.getWindow();
        }
        String shared = first(layers, LimitProperties::getShared);
        boolean jdbc = shared != null && normalize(shared).equals("jdbc");
        if (jdbc && strategy == null) {
            strategy = "token-bucket";
        }
        strategy = (strategy != null) ? normalize(strategy) : "none";
        if (jdbc && !strategy.equals("token-bucket")) {
            throw new IllegalStateException("Invalid CTERA configuration: " + prefix + ".shared=jdbc keeps a token "
                    + "bucket in PostgreSQL and needs " + prefix + ".strategy token-bucket, was '" + strategy + "'");
        }
        double rate = or(first(layers, LimitProperties::getRate), DEFAULT_RATE);
        Long burst = first(layers, LimitProperties::getBurst);
        window = (window != null) ? window : DEFAULT_WINDOW;
        int perWindow = (limit != null) ? limit
                : (int) Math.max(1, Math.round(rate * window.toNanos() / 1e9));
        Double minRate = first(layers, LimitProperties::getMinRate);
        double effectiveMin = (minRate != null) ? minRate : Math.min(rate, 0.5);
        if (strategy.equals("adaptive") && effectiveMin > rate) {
            throw new IllegalStateException("Invalid CTERA configuration: " + prefix + ".min-rate (" + effectiveMin
                    + ") must not exceed " + prefix + ".rate (" + rate + ")");
        }
        return new LimitSettings(strategy, rate, (burst != null) ? burst : Math.max(1, (long) Math.ceil(rate)),
                perWindow, window, or(first(layers, LimitProperties::getMaxWait), DEFAULT_MAX_WAIT), effectiveMin,
                or(first(layers, LimitProperties::getPauseOnRetryAfter), Boolean.TRUE), jdbc ? sharedStore(layers) : null);
    }

    private static SharedStoreSettings sharedStore(LimitProperties[] layers) {
        return new SharedStoreSettings(
                or(first(layers, l -> l.getJdbc().getTable()), JdbcBucketStore.DEFAULT_TABLE),
                first(layers, l -> l.getJdbc().getDataSource()),
                or(first(layers, l -> l.getJdbc().getRequestTimeout()), DEFAULT_STORE_REQUEST_TIMEOUT),
                or(first(layers, l -> l.getJdbc().getRetryInterval()), DEFAULT_STORE_RETRY_INTERVAL),
                or(first(layers, l -> l.getJdbc().getCreateTable()), Boolean.TRUE));
    }

    private static CircuitBreakerConfig.@Nullable SlidingWindowType windowType(String value) {
        return switch (normalize(value)) {
            case "count-based" -> CircuitBreakerConfig.SlidingWindowType.COUNT_BASED;
            case "time-based" -> CircuitBreakerConfig.SlidingWindowType.TIME_BASED;
            default -> null;
        };
    }

    private static String normalize(String value) {
        return value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <T> @Nullable T first(LimitProperties[] layers, Function<LimitProperties, @Nullable T> key) {
        for (LimitProperties layer : layers) {
            T value = key.apply(layer);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static <T> @Nullable T pick(PortalProperties portal, PortalProperties defaults,
            Function<PortalProperties, @Nullable T> key) {
        T own = key.apply(portal);
        return (own != null) ? own : key.apply(defaults);
    }

    private static <T> T or(@Nullable T value, T fallback) {
        return (value != null) ? value : fallback;
    }

    private static void atLeast(String property, @Nullable Integer value, int minimum, Consumer<String> problems) {
        if (value != null && value < minimum) {
            problems.accept(property + " must be at least " + minimum + ", was " + value);
        }
    }

    private static void positive(String property, @Nullable Duration value, Consumer<String> problems) {
        if (value != null && (value.isNegative() || value.isZero())) {
            problems.accept(property + " must be a positive duration such as 5s or 500ms, was " + value);
        }
    }

    private static void notNegative(String property, @Nullable Duration value, Consumer<String> problems) {
        if (value != null && value.isNegative()) {
            problems.accept(property + " must not be negative, was " + value);
        }
    }

    private static void percentage(String property, @Nullable Float value, Consumer<String> problems) {
        if (value != null && !(value > 0 && value <= 100)) {
            problems.accept(property + " must be a percentage above 0 and at most 100, was " + value);
        }
    }
}
