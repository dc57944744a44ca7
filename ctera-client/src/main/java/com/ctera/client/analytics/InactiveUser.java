package com.ctera.client.analytics;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An enabled user with no successful login in the logs read.
 * @param user the user name
 * @param role the user's role as the portal writes it
 * @param noLoginSince the start of the logs read: the user has not logged in since then (perhaps never)
 */
public record InactiveUser(String user, @Nullable String role, LocalDateTime noLoginSince) {
}
