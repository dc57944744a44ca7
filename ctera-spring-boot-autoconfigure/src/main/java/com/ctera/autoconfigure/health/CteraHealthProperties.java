package com.ctera.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/** The {@code ctera.health.*} properties: how the portal health check behaves. */
@Validated
@ConfigurationProperties("ctera.health")
public class CteraHealthProperties implements Validator {

    /** Longest time a health check waits for a portal before reporting it DOWN. */
    private Duration timeout = Duration.ofSeconds(5);

    /**
     * How long a portal's health result is reused before the portal is asked again, so that frequent probes
     * (Kubernetes, load balancers) do not become load on the portal. Zero checks on every request.
     */
    private Duration cacheTtl = Duration.ofSeconds(10);

    /**
     * Whether an open circuit breaker or a rate limiter refusing calls makes the portal's entry DOWN. Off by default:
     * both are the client protecting the portal, and taking the application out of service for them usually makes an
     * outage worse. Their state is shown in the details either way.
     */
    private boolean resilienceAffectsStatus;

    public Duration getTimeout() {
        return this.timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getCacheTtl() {
        return this.cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public boolean isResilienceAffectsStatus() {
        return this.resilienceAffectsStatus;
    }

    public void setResilienceAffectsStatus(boolean resilienceAffectsStatus) {
        this.resilienceAffectsStatus = resilienceAffectsStatus;
    }

    @Override
    public boolean supports(Class<?> type) {
        return CteraHealthProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        CteraHealthProperties properties = (CteraHealthProperties) target;
        if (properties.timeout.isZero() || properties.timeout.isNegative()) {
            errors.rejectValue("timeout", "ctera.health.timeout",
                    "ctera.health.timeout must be positive, was " + properties.timeout);
        }
        if (properties.cacheTtl.isNegative()) {
            errors.rejectValue("cacheTtl", "ctera.health.cache-ttl",
                    "ctera.health.cache-ttl must be zero (no cache) or positive, was " + properties.cacheTtl);
        }
    }
}
