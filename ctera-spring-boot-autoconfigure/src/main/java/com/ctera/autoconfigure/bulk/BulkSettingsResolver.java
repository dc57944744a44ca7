package com.ctera.autoconfigure.bulk;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.ctera.autoconfigure.client.PortalProperties;
import com.ctera.client.bulk.BulkOptions;
import com.ctera.client.bulk.FailurePolicy;

/**
 * Turns the bulk keys of a portal into {@link BulkOptions}: the portal's key over {@code ctera.defaults.bulk}, over
 * {@code ctera.bulk}, over the built-in default. Validation messages name the property.
 */
public final class BulkSettingsResolver {

    private BulkSettingsResolver() {
    }

    /** Reports each bad value of a portal block's {@code bulk} keys with the property's full name. */
    public static void validate(String portalPrefix, PortalProperties portal, Consumer<String> problems) {
        validate(portalPrefix + ".bulk", portal.getBulk(), problems);
    }

    /** Reports each bad value of one bulk block, such as {@code ctera.bulk}. */
    public static void validate(String prefix, BulkProperties bulk, Consumer<String> problems) {
        Integer concurrency = bulk.getMaxConcurrency();
        if (concurrency != null && (concurrency < 1 || concurrency > BulkOptions.MAX_CONCURRENCY_LIMIT)) {
            problems.accept(prefix + ".max-concurrency must be between 1 and " + BulkOptions.MAX_CONCURRENCY_LIMIT
                    + ", was " + concurrency);
        }
        String policy = bulk.getFailurePolicy();
        if (policy != null) {
            try {
                FailurePolicy.fromName(policy);
            }
            catch (IllegalArgumentException ex) {
                problems.accept(prefix + ".failure-policy must be continue, abort or rollback, was '" + policy + "'");
            }
        }
        Integer attempts = bulk.getCompensationAttempts();
        if (attempts != null && attempts < 1) {
            problems.accept(prefix + ".compensation-attempts must be at least 1, was " + attempts);
        }
        Duration backoff = bulk.getCompensationBackoff();
        if (backoff != null && backoff.isNegative()) {
            problems.accept(prefix + ".compensation-backoff must not be negative, was " + backoff);
        }
        Duration timeout = bulk.getItemTimeout();
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            problems.accept(prefix + ".item-timeout must be positive, was " + timeout);
        }
    }

    /** The options of one portal from already validated properties. */
    public static BulkOptions resolve(@Nullable PortalProperties portal, PortalProperties defaults,
            BulkProperties shared) {
        BulkOptions d = BulkOptions.DEFAULTS;
        String policy = pick(portal, defaults, shared, BulkProperties::getFailurePolicy);
        Duration timeout = pick(portal, defaults, shared, BulkProperties::getItemTimeout);
        return new BulkOptions(or(pick(portal, defaults, shared, BulkProperties::getMaxConcurrency),
                d.maxConcurrency()), (policy != null) ? FailurePolicy.fromName(policy) : d.failurePolicy(),
                or(pick(portal, defaults, shared, BulkProperties::getCompensationAttempts), d.compensationAttempts()),
                or(pick(portal, defaults, shared, BulkProperties::getCompensationBackoff), d.compensationBackoff()),
                (timeout != null) ? timeout : d.itemTimeout());
    }

    private static <T> @Nullable T pick(@Nullable PortalProperties portal, PortalProperties defaults,
            BulkProperties shared, Function<BulkProperties, @Nullable T> key) {
        T value = (portal != null) ? key.apply(portal.getBulk()) : null;
        if (value == null) {
            value = key.apply(defaults.getBulk());
        }
        return (value != null) ? value : key.apply(shared);
    }

    private static <T> T or(@Nullable T value, T fallback) {
        return (value != null) ? value : fallback;
    }
}
