package com.ctera.client.statistics;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Storage statistics (protocol §5.5), blocking; every method delegates to {@link ReactiveStatistics}. */
public final class Statistics {

    private final ReactiveStatistics reactive;

    /** Created by {@code CteraPortal}. */
    public Statistics(ReactiveStatistics reactive) {
        this.reactive = reactive;
    }

    /** Every tenant's usage (global administration). */
    public List<TenantUsage> tenants() {
        return this.reactive.tenants().collectList().block();
    }

    /** One tenant's usage, if a tenant has this name. */
    public Optional<TenantUsage> tenant(String name) {
        return this.reactive.tenant(name).blockOptional();
    }

    /** The portal's daily per-folder usage history, oldest first; pages are fetched as the stream is consumed. */
    public Stream<CloudFolderUsageDay> usageHistory() {
        return this.reactive.usageHistory().toStream(ReactiveStatistics.USAGE_HISTORY_PAGE_SIZE);
    }

    /** Every cloud folder of the current tenant with its size and file count. */
    public List<CloudFolderUsage> cloudFolders() {
        return this.reactive.cloudFolders().collectList().block();
    }
}
