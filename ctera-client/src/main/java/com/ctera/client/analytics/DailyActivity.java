package com.ctera.client.analytics;

import java.time.LocalDate;

/**
 * One user's successful actions on one day.
 * @param user the user name
 * @param date the day, portal time
 * @param logins successful logins
 * @param fileOperations successful actions other than logins
 */
public record DailyActivity(String user, LocalDate date, long logins, long fileOperations) {
}
