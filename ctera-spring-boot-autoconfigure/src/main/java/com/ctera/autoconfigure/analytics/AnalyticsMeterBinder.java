package com.ctera.autoconfigure.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import com.ctera.client.analytics.UsageSnapshot;

/**
 * Storage and activity gauges from the last scheduled recording: {@code ctera.storage.used} and
 * {@code ctera.storage.quota} per tenant, {@code ctera.cloudfolder.used} and {@code ctera.cloudfolder.quota} per
 * cloud folder (bytes), {@code ctera.users.active} per portal. Scrapes read the last figures and never call a portal.
 */
final class AnalyticsMeterBinder implements MeterBinder, UsageFigures.Listener {

    private final Map<String, UsageFigures> latest = new ConcurrentHashMap<>();

    private final String activeWindow;

    private volatile @Nullable Gauges gauges;

    AnalyticsMeterBinder(String activeWindow) {
        this.activeWindow = activeWindow;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.gauges = new Gauges(
                gauge(registry, "ctera.storage.used", "Bytes stored by the tenant's cloud folders"),
                gauge(registry, "ctera.storage.quota", "Sum of the quotas of the tenant's cloud folders"),
                gauge(registry, "ctera.cloudfolder.used", "Bytes stored in the cloud folder"),
                gauge(registry, "ctera.cloudfolder.quota", "The cloud folder's quota"),
                MultiGauge.builder("ctera.users.active")
                    .description("Users with a successful action in the active-users window")
                    .register(registry));
        refresh();
    }

    @Override
    public void recorded(UsageFigures figures) {
        this.latest.put(figures.portal(), figures);
        refresh();
    }

    private synchronized void refresh() {
        Gauges bound = this.gauges;
        if (bound == null) {
            return;
        }
        List<MultiGauge.Row<?>> tenantUsed = new ArrayList<>();
        List<MultiGauge.Row<?>> tenantQuota = new ArrayList<>();
        List<MultiGauge.Row<?>> folderUsed = new ArrayList<>();
        List<MultiGauge.Row<?>> folderQuota = new ArrayList<>();
        List<MultiGauge.Row<?>> active = new ArrayList<>();
        for (UsageFigures figures : this.latest.values()) {
            Map<String, long[]> tenants = new LinkedHashMap<>();
            for (UsageSnapshot folder : figures.folders()) {
                Tags tags = Tags.of("portal", figures.portal(), "tenant", folder.tenant(), "cloud_folder",
                        folder.cloudFolder(), "owner", (folder.owner() != null) ? folder.owner() : "");
                folderUsed.add(MultiGauge.Row.of(tags, folder.usedBytes()));
                long[] sums = tenants.computeIfAbsent(folder.tenant(), tenant -> new long[] { 0, 0 });
                sums[0] += folder.usedBytes();
                if (folder.quotaBytes() != null) {
                    folderQuota.add(MultiGauge.Row.of(tags, folder.quotaBytes()));
                    sums[1] = (sums[1] < 0) ? -1 : sums[1] + folder.quotaBytes();
                }
                else {
                    sums[1] = -1;
                }
            }
            tenants.forEach((tenant, sums) -> {
                Tags tags = Tags.of("portal", figures.portal(), "tenant", tenant);
                tenantUsed.add(MultiGauge.Row.of(tags, sums[0]));
                if (sums[1] >= 0) {
                    tenantQuota.add(MultiGauge.Row.of(tags, sums[1]));
                }
            });
            active.add(MultiGauge.Row.of(Tags.of("portal", figures.portal(), "window", this.activeWindow),
                    (figures.activeUsers() != null) ? figures.activeUsers() : Double.NaN));
        }
        bound.tenantUsed().register(tenantUsed, true);
        bound.tenantQuota().register(tenantQuota, true);
        bound.folderUsed().register(folderUsed, true);
        bound.folderQuota().register(folderQuota, true);
        bound.active().register(active, true);
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).baseUnit(BaseUnits.BYTES).description(description).register(registry);
    }

    private record Gauges(MultiGauge tenantUsed, MultiGauge tenantQuota, MultiGauge folderUsed,
            MultiGauge folderQuota, MultiGauge active) {
    }
}
