package com.ctera.autoconfigure.bulk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * ctera.bulk.*: whether bulk beans are made, and the bulk options of every portal that neither it nor
 * ctera.defaults.bulk sets. Validates itself, so a bad value stops start-up naming the property.
 */
@ConfigurationProperties("ctera.bulk")
public class CteraBulkProperties extends BulkProperties implements Validator {

    /** Whether a bulk-operations bean is made for each portal. */
    private boolean enabled = true;

    /**
     * How long the application's stop waits for running bulk jobs, after they stop starting items, before the
     * portals close; items still in flight then are abandoned and reported as failed. Default 30s.
     */
    private Duration shutdownGrace = Duration.ofSeconds(30);

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getShutdownGrace() {
        return this.shutdownGrace;
    }

    public void setShutdownGrace(Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
    }

    @Override
    public boolean supports(Class<?> type) {
        return CteraBulkProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        CteraBulkProperties bulk = (CteraBulkProperties) target;
        BulkSettingsResolver.validate("ctera.bulk", bulk, (message) -> errors.reject("ctera.invalid", message));
        if (bulk.getShutdownGrace().isNegative()) {
            errors.reject("ctera.invalid", "ctera.bulk.shutdown-grace must be zero or more, was "
                    + bulk.getShutdownGrace());
        }
    }
}
