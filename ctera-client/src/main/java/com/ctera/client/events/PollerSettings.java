package com.ctera.client.events;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How a change-feed poller reads its portal.
 * @param folderIds the cloud folders to follow (empty: all the login sees)
 * @param longpollTimeout how long the portal holds a long poll
 * @param maxResults page size of {@code metadata/list}
 * @param initialBackoff first wait after a failure; doubled per failure, with jitter
 * @param maxBackoff longest wait between attempts
 * @param leaseRetry how often an instance without the portal's lease asks for it
 * @param resolvePaths whether events carry their full path (costs {@code ancestors} calls for unknown folders)
 * @param startFrom where a portal without a stored cursor starts
 * @param owners publish only changes in cloud folders of these owners (empty: any); see {@link EventFilter#owners()}
 * @param resolveOwners whether events carry their cloud folder's owner (costs a top-level listing per batch with a
 * folder not seen before); implied by {@code owners}
 */
public record PollerSettings(List<Long> folderIds, Duration longpollTimeout, int maxResults, Duration initialBackoff,
        Duration maxBackoff, Duration leaseRetry, boolean resolvePaths, StartFrom startFrom, Set<String> owners,
        boolean resolveOwners) {

    public PollerSettings {
        folderIds = List.copyOf(folderIds);
        owners = Set.copyOf(owners);
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be positive, was " + maxResults);
        }
    }

    /** Settings that publish changes of every owner without looking owners up. */
    public PollerSettings(List<Long> folderIds, Duration longpollTimeout, int maxResults, Duration initialBackoff,
            Duration maxBackoff, Duration leaseRetry, boolean resolvePaths, StartFrom startFrom) {
        this(folderIds, longpollTimeout, maxResults, initialBackoff, maxBackoff, leaseRetry, resolvePaths, startFrom,
                Set.of(), false);
    }

    /** Whether events must carry their cloud folder's owner. */
    boolean needsOwners() {
        return this.resolveOwners || !this.owners.isEmpty();
    }

    /** Where the first read of a portal starts. */
    public enum StartFrom {

        /** From the current end of the feed: earlier changes are learned (for classification) but not published. */
        NOW,

        /** From the start of the feed: every change the portal still has is published. */
        BEGINNING
    }
}
