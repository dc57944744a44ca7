package com.ctera.client.analytics;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.ctera.client.logs.LogEntry;

/**
 * Which log attributes mean user, source address, action and outcome. The portal's log schema is not documented;
 * the defaults are what the simulator writes (its ASSUMPTIONS.md "Logs").
 * @param user the attribute naming the acting user
 * @param sourceAddress the attribute holding the client address
 * @param action the attribute holding the verb
 * @param outcome the attribute saying whether the action succeeded
 * @param loginAction the {@code action} value of a login
 * @param failureOutcome the {@code outcome} value of a failure
 */
public record LogFields(String user, String sourceAddress, String action, String outcome, String loginAction,
        String failureOutcome) {

    public LogFields {
        requireText(user, "user");
        requireText(sourceAddress, "sourceAddress");
        requireText(action, "action");
        requireText(outcome, "outcome");
        requireText(loginAction, "loginAction");
        requireText(failureOutcome, "failureOutcome");
    }

    /** The simulator's schema: {@code username}, {@code ipAddress}, {@code action}, {@code result}. */
    public static LogFields defaults() {
        return new LogFields("username", "ipAddress", "action", "result", "login", "failure");
    }

    /** The record read through this mapping. */
    public ActivityEvent read(LogEntry entry) {
        String outcomeText = entry.attribute(this.outcome);
        ActivityEvent.Outcome outcomeValue = (outcomeText == null) ? ActivityEvent.Outcome.UNKNOWN
                : outcomeText.equalsIgnoreCase(this.failureOutcome) ? ActivityEvent.Outcome.FAILURE
                        : ActivityEvent.Outcome.SUCCESS;
        String actionText = entry.attribute(this.action);
        return new ActivityEvent(entry.time(), blankToNull(entry.attribute(this.user)),
                blankToNull(entry.attribute(this.sourceAddress)), blankToNull(actionText),
                actionText != null && actionText.equalsIgnoreCase(this.loginAction), outcomeValue, entry);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return (text == null || text.isBlank()) ? null : text;
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("log field " + name + " must not be blank");
        }
    }
}
