package com.ctera.client.bulk;

import java.util.Locale;

/** What a bulk job does when an item fails. */
public enum FailurePolicy {

    /** Keep starting the remaining items; the failure is reported with the others. */
    CONTINUE,

    /** Stop starting items; those in flight finish, those never started are reported as skipped. */
    ABORT,

    /**
     * Stop starting items as {@link #ABORT} does, then undo every item that succeeded with its compensating action,
     * newest first.
     */
    ROLLBACK;

    /**
     * The policy named as in properties: {@code continue}, {@code abort} or {@code rollback}, in any case.
     * @throws IllegalArgumentException naming the allowed values
     */
    public static FailurePolicy fromName(String name) {
        for (FailurePolicy policy : values()) {
            if (policy.name().equalsIgnoreCase(name.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("failure policy must be continue, abort or rollback, was '" + name + "'");
    }

    /** The name used in properties, such as {@code rollback}. */
    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
