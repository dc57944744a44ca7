package com.ctera.client.statistics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraPage;
import com.ctera.client.protocol.CallEnvelope;
import com.ctera.client.protocol.Paging;
import com.ctera.client.protocol.QueryParams;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.session.PortalCalls;

/** Storage statistics in reactive form (protocol §5.5); nothing is sent until subscription. */
public final class ReactiveStatistics {

    private static final int PAGE_SIZE = QueryParams.DEFAULT_COUNT_LIMIT;

    /** History rows per page: one per folder per day, so many more than other lists have. */
    static final int USAGE_HISTORY_PAGE_SIZE = 1000;

    private static final CteraOperation USAGE_HISTORY = new CteraOperation("statistics.usageHistory", true);

    private final PortalCalls calls;

    /** Created by {@code CteraPortal}. */
    public ReactiveStatistics(PortalCalls calls) {
        this.calls = calls;
    }

    /** Every tenant's usage, from the display info; global administration only. Tenants in the trash are left out. */
    public Flux<TenantUsage> tenants() {
        return Paging.flux(this::tenantPage, PAGE_SIZE, this.calls.listLimit(CteraOperation.STATISTICS_PORTALS));
    }

    /** One tenant's usage, or empty when no tenant has this name. */
    public Mono<TenantUsage> tenant(String name) {
        return tenants().filter(usage -> usage.name().equals(name)).next();
    }

    /** Every cloud folder of the current tenant with its size and file count. */
    public Flux<CloudFolderUsage> cloudFolders() {
        return Paging.flux(this::cloudFolderPage, PAGE_SIZE, this.calls.listLimit(CteraOperation.STATISTICS_CLOUD_DRIVES));
    }

    /**
     * The portal's daily per-folder usage history, oldest first ({@code queryUsageHistory}); a portal without this
     * call answers with an error.
     */
    public Flux<CloudFolderUsageDay> usageHistory() {
        return Paging.flux(this::usageHistoryPage, USAGE_HISTORY_PAGE_SIZE);
    }

    private Mono<CteraPage<CloudFolderUsageDay>> usageHistoryPage(int startFrom) {
        XmlObject params = QueryParams.builder()
                .className("QueryParams")
                .startFrom(startFrom)
                .countLimit(USAGE_HISTORY_PAGE_SIZE)
                .build()
                .toXml();
        return this.calls.execute(USAGE_HISTORY, "queryUsageHistory", params,
                (head, body) -> this.calls.codec().decodePage(body, "objects", ReactiveStatistics::toUsageDay));
    }

    static CloudFolderUsageDay toUsageDay(XmlObject row) {
        Long size = number(row.text("cloudFolderSize"));
        return new CloudFolderUsageDay(LocalDate.parse(row.optionalText("date").orElseThrow().trim()),
                row.optionalText("portal").orElse(""), row.text("username"),
                row.optionalText("cloudFolderName").orElse(""), (size != null) ? size : 0L,
                number(row.text("totalFiles")), number(row.text("quota")));
    }

    private Mono<CteraPage<TenantUsage>> tenantPage(int startFrom) {
        XmlObject params = QueryParams.builder()
                .className("QueryParams")
                .startFrom(startFrom)
                .countLimit(PAGE_SIZE)
                .put("isTrashcan", false)
                .build()
                .toXml();
        return this.calls.execute(CteraOperation.STATISTICS_PORTALS, "getPortalsDisplayInfo", params,
                (head, body) -> this.calls.codec().decodePage(body, "objects", ReactiveStatistics::toTenant));
    }

    private Mono<CteraPage<CloudFolderUsage>> cloudFolderPage(int startFrom) {
        QueryParams params = QueryParams.builder()
                .startFrom(startFrom)
                .countLimit(PAGE_SIZE)
                .include("folderStats", "folderQuota", "group", "name", "owner")
                .build();
        return this.calls.post(CteraOperation.STATISTICS_CLOUD_DRIVES, this.calls.api("cloudDrives"),
                CallEnvelope.query(params),
                (head, body) -> this.calls.codec().decodePage(body, "objects", ReactiveStatistics::toCloudFolder));
    }

    static TenantUsage toTenant(XmlObject info) {
        Map<String, String> attributes = new LinkedHashMap<>();
        info.attributes().forEach((name, value) -> {
            if (value instanceof XmlText text) {
                attributes.put(name, text.text());
            }
        });
        return new TenantUsage(info.optionalText("name").orElse(""), info.text("portalType"),
                number(info.text("usedStorageQuota")), number(info.text("totalStorageQuota")),
                number(info.text("usedArchiveStorageQuota")), number(info.text("totalArchiveStorageQuota")),
                number(info.text("numberOfUsers")), number(info.text("numberOfConnectedDevices")), attributes);
    }

    static CloudFolderUsage toCloudFolder(XmlObject folder) {
        XmlObject stats = folder.object("folderStats");
        return new CloudFolderUsage(folder.optionalText("name").orElse(""), folder.text("owner"),
                folder.text("group"), (stats != null) ? number(stats.text("cloudFolderSize")) : null,
                (stats != null) ? number(stats.text("totalFiles")) : null, folder.text("folderQuota"));
    }

    // Sizes may be written as decimals ("1.5E9" or "1024.0"); whole bytes are what callers need.
    private static @Nullable Long number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        }
        catch (NumberFormatException ex) {
            try {
                return (long) Double.parseDouble(text.trim());
            }
            catch (NumberFormatException again) {
                return null;
            }
        }
    }
}
