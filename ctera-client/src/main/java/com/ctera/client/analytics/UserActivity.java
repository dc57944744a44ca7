package com.ctera.client.analytics;

import java.util.Map;

/**
 * One user's activity over a period.
 * @param user the user name
 * @param logins successful logins
 * @param fileOperations successful actions other than logins
 * @param byAction successful actions by verb
 */
public record UserActivity(String user, long logins, long fileOperations, Map<String, Long> byAction) {

    public UserActivity {
        byAction = Map.copyOf(byAction);
    }

    /** Logins and file operations together. */
    public long total() {
        return this.logins + this.fileOperations;
    }
}
