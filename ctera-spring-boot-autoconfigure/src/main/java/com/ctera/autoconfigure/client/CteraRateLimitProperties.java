package com.ctera.autoconfigure.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code ctera.rate-limit.*} shorthand of the original feature set ({@code CTERA_RATE_LIMIT_ENABLED},
 * {@code CTERA_RATE_LIMIT_MAX_REQUESTS}), and the named limits of the {@code RateLimitManager}.
 */
@Validated
@ConfigurationProperties("ctera.rate-limit")
public class CteraRateLimitProperties implements Validator {

    /** Master switch of client-side rate limiting: false turns every portal limiter and named limit off. */
    private boolean enabled = true;

    /**
     * Requests allowed per window, for every portal that configures no rate-limit strategy of its own
     * (CTERA_RATE_LIMIT_MAX_REQUESTS), and for RateLimitManager keys without a limit of their own.
     * Unset: no such limit.
     */
    private @Nullable Integer maxRequests;

    /** The window of max-requests. Defaults to 60s, as in the original feature set. */
    private Duration window = Duration.ofSeconds(60);

    /** Named limits for application code, used through RateLimitManager.acquire(key). */
    private Map<String, LimitProperties> limits = new LinkedHashMap<>();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable Integer getMaxRequests() {
        return this.maxRequests;
    }

    public void setMaxRequests(@Nullable Integer maxRequests) {
        this.maxRequests = maxRequests;
    }

    public Duration getWindow() {
        return this.window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }

    public Map<String, LimitProperties> getLimits() {
        return this.limits;
    }

    public void setLimits(Map<String, LimitProperties> limits) {
        this.limits = limits;
    }

    @Override
    public boolean supports(Class<?> type) {
        return CteraRateLimitProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        CteraRateLimitProperties properties = (CteraRateLimitProperties) target;
        if (properties.maxRequests != null && properties.maxRequests < 1) {
            errors.reject("ctera.invalid", "ctera.rate-limit.max-requests must be at least 1, was "
                    + properties.maxRequests);
        }
        if (properties.window.isNegative() || properties.window.isZero()) {
            errors.reject("ctera.invalid", "ctera.rate-limit.window must be a positive duration such as 60s, was "
                    + properties.window);
        }
        properties.limits.forEach((key, limit) -> ResilienceSettingsResolver
            .validateLimit("ctera.rate-limit.limits." + key, limit, (message) -> errors.reject("ctera.invalid", message)));
    }
}
