package com.ctera.autoconfigure.bulk;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Bulk options of one portal, or of all portals under ctera.defaults.bulk and ctera.bulk. Every key
 * is optional: a portal's unset key falls back to ctera.defaults.bulk, then ctera.bulk, then the
 * built-in default.
 */
public class BulkProperties {

    /** The most items of one bulk job in flight at once, 1 to 4096. Default 8. */
    private @Nullable Integer maxConcurrency;

    /**
     * What a failed item does to its job: continue (the rest still run), abort (stop starting items) or rollback
     * (abort, then undo the items that succeeded, newest first). Default continue.
     */
    private @Nullable String failurePolicy;

    /** How often a compensating action is tried during a rollback before it is reported as failed. Default 3. */
    private @Nullable Integer compensationAttempts;

    /** The pause before a compensating action is tried again, doubled for each further try. Default 100ms. */
    private @Nullable Duration compensationBackoff;

    /** The longest one item may run before it fails with a timeout. Default none (the portal's timeouts apply). */
    private @Nullable Duration itemTimeout;

    public @Nullable Integer getMaxConcurrency() {
        return this.maxConcurrency;
    }

    public void setMaxConcurrency(@Nullable Integer maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public @Nullable String getFailurePolicy() {
        return this.failurePolicy;
    }

    public void setFailurePolicy(@Nullable String failurePolicy) {
        this.failurePolicy = failurePolicy;
    }

    public @Nullable Integer getCompensationAttempts() {
        return this.compensationAttempts;
    }

    public void setCompensationAttempts(@Nullable Integer compensationAttempts) {
        this.compensationAttempts = compensationAttempts;
    }

    public @Nullable Duration getCompensationBackoff() {
        return this.compensationBackoff;
    }

    public void setCompensationBackoff(@Nullable Duration compensationBackoff) {
        this.compensationBackoff = compensationBackoff;
    }

    public @Nullable Duration getItemTimeout() {
        return this.itemTimeout;
    }

    public void setItemTimeout(@Nullable Duration itemTimeout) {
        this.itemTimeout = itemTimeout;
    }

    @Override
    public String toString() {
        return "BulkProperties{maxConcurrency=" + this.maxConcurrency + ", failurePolicy=" + this.failurePolicy
                + ", compensationAttempts=" + this.compensationAttempts + ", compensationBackoff="
                + this.compensationBackoff + ", itemTimeout=" + this.itemTimeout + "}";
    }
}
