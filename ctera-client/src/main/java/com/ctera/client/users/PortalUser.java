package com.ctera.client.users;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A portal user as the portal reported it. Attributes the query did not include, or that the portal sent as null,
 * are {@code null}.
 * @param name the user name (unique within the tenant or directory domain)
 * @param email e-mail address
 * @param firstName first name
 * @param lastName last name
 * @param role the role as sent, such as {@code EndUser}; see {@link #knownRole()}
 * @param company company
 * @param comment free text
 * @param uid the portal's numeric id
 * @param displayName display name
 * @param domain the directory domain, or {@code null} for a local user
 * @param requirePasswordChangeOn the date ({@code YYYY-MM-DD}) from which a new password is required
 */
public record PortalUser(String name, @Nullable String email, @Nullable String firstName, @Nullable String lastName,
        @Nullable String role, @Nullable String company, @Nullable String comment, @Nullable Long uid,
        @Nullable String displayName, @Nullable String domain, @Nullable String requirePasswordChangeOn) {

    /** The role, when it is one this client knows. */
    public Optional<UserRole> knownRole() {
        return (this.role != null) ? UserRole.fromWireValue(this.role) : Optional.empty();
    }
}
