package com.ctera.autoconfigure.analytics;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.ctera.client.analytics.UsageSnapshot;

/**
 * What the last scheduled recording of one portal found.
 * @param portal the portal's name
 * @param folders the cloud folders' snapshots
 * @param activeUsers users with a successful action in the active-users window, {@code null} when the logs could
 *     not be read
 */
record UsageFigures(String portal, List<UsageSnapshot> folders, @Nullable Long activeUsers) {

    UsageFigures {
        folders = List.copyOf(folders);
    }

    /** Receives each recording. */
    @FunctionalInterface
    interface Listener {

        void recorded(UsageFigures figures);
    }
}
