package com.ctera.simulator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.ctera.simulator.xml.XmlList;
import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlValue;
import org.jspecify.annotations.Nullable;

/**
 * Storage statistics (protocol §5.3, §5.5): {@code getPortalsDisplayInfo} for tenants, the {@code cloudDrives} query
 * for cloud folders, and the simulator's own per-user usage history ({@code queryUsageHistory}, an assumption). All
 * figures are computed from what is stored, so they agree with the files.
 */
final class StatisticsApi {

    /** Each tenant's total storage quota: 10 TiB. */
    static final long PORTAL_QUOTA_BYTES = 10L << 40;

    private static final long GIB = 1L << 30;

    private final SimulatorState state;
    private final FileStore store;
    private final Clock clock;
    private final CopyOnWriteArrayList<UsageSnapshot> history = new CopyOnWriteArrayList<>();

    StatisticsApi(SimulatorState state, FileStore store, Clock clock) {
        this.state = state;
        this.store = store;
        this.clock = clock;
    }

    /** Adds past daily snapshots (demo history). */
    void addHistory(List<UsageSnapshot> snapshots) {
        this.history.addAll(snapshots);
    }

    PortalAnswer portalsDisplayInfo(ApiCall call) {
        if (call.caller().context() != PortalContext.ADMIN) {
            return PortalAnswer.message(403, "getPortalsDisplayInfo is a global administration call");
        }
        QueryParams params = QueryParams.from(call.payload());
        boolean trashcan = (call.payload() instanceof XmlObj obj)
                && Boolean.parseBoolean(obj.text("isTrashcan").orElse("false").trim());
        List<XmlObj> rows = new ArrayList<>();
        if (!trashcan) {
            List<Tenant> tenants = new ArrayList<>(this.state.tenants());
            tenants.sort(Comparator.comparing(Tenant::name));
            for (Tenant tenant : tenants) {
                rows.add(portalRow(tenant));
            }
        }
        QueryPage<XmlObj> page = QueryPage.of(rows, params, row -> field -> textOf(row, field));
        return page.answer(params, row -> row);
    }

    XmlObj portalRow(Tenant tenant) {
        long used = 0;
        for (CloudFolder folder : this.store.folders(tenant.name())) {
            used += this.store.folderStats(folder)[0];
        }
        long connected = tenant.devices().values().stream().filter(DeviceRecord::connected).count();
        XmlObj storage = XmlObj.plain()
            .put("resourceType", "Storage")
            .put("totalQuota", Long.toString(PORTAL_QUOTA_BYTES))
            .put("usedQuota", Long.toString(used));
        return XmlObj.ofClass("PortalDisplayInfo")
            .put("uid", Long.toString(tenant.uid()))
            .put("name", tenant.name())
            .put("portalType", "Team")
            .put("activationStatus", "Enabled")
            .put("externalPortalId", (String) null)
            .put("isDefault", Boolean.toString(tenant.name().equals(this.state.defaultTenant())))
            .put("numberOfUsers", Integer.toString(tenant.users().size()))
            .put("numberOfConnectedDevices", Long.toString(connected))
            .put("numberOfAddons", "0")
            .put("plan", "objs/1//Plan/Default")
            .put("usedStorageQuota", Long.toString(used))
            .put("totalStorageQuota", Long.toString(PORTAL_QUOTA_BYTES))
            .put("usedArchiveStorageQuota", "0")
            .put("totalArchiveStorageQuota", "0")
            .put("resourcesQuotas", new XmlList(List.of(storage)))
            .put("portalTrashcanInfo", XmlObj.plain().put("isTrashcan", "false"));
    }

    PortalAnswer cloudDrives(ApiCall call) {
        return cloudDrivesOf(call, call.caller().effectiveTenant(this.state.defaultTenant()));
    }

    PortalAnswer tenantCloudDrives(ApiCall call) {
        String tenant = call.variable("tenant");
        Session caller = call.caller();
        if (caller.context() != PortalContext.ADMIN && !tenant.equals(caller.currentTenant())) {
            return PortalAnswer.notFound();
        }
        if (this.state.tenant(tenant) == null) {
            return PortalAnswer.notFound();
        }
        return cloudDrivesOf(call, tenant);
    }

    private PortalAnswer cloudDrivesOf(ApiCall call, String tenantName) {
        QueryParams params = QueryParams.from(call.payload());
        List<XmlObj> rows = new ArrayList<>();
        for (CloudFolder folder : this.store.folders(tenantName)) {
            if (params.ownedBy() == null || params.ownedBy() == folder.ownerUid()) {
                rows.add(cloudDrive(folder));
            }
        }
        QueryPage<XmlObj> page = QueryPage.of(rows, params, row -> field -> textOf(row, field));
        return page.answer(params, row -> row);
    }

    XmlObj cloudDrive(CloudFolder folder) {
        long[] stats = this.store.folderStats(folder);
        return XmlObj.ofClass("CloudDrive")
            .put("uid", Long.toString(folder.uid()))
            .put("name", folder.name())
            .put("group", "objs/" + folder.groupUid() + "/" + folder.tenant() + "/FolderGroup/Users Folder Group")
            .put("owner", "objs/" + folder.ownerUid() + "/" + folder.tenant() + "/PortalUser/" + folder.owner())
            .put("folderQuota", Long.toString(folder.quotaBytes() / GIB))
            .put("folderStats", XmlObj.plain()
                .put("cloudFolderSize", Long.toString(stats[0]))
                .put("totalFiles", Long.toString(stats[1])))
            .put("isDeleted", "false")
            .put("description", (String) null);
    }

    /** {@code queryUsageHistory}: daily per-folder snapshots, oldest first; today's are computed live. */
    PortalAnswer usageHistory(ApiCall call) {
        QueryParams params = QueryParams.from(call.payload());
        Session caller = call.caller();
        String tenant = (caller.context() == PortalContext.ADMIN && caller.currentTenant() == null) ? null
                : caller.effectiveTenant(this.state.defaultTenant());
        List<UsageSnapshot> rows = new ArrayList<>();
        LocalDate today = LocalDate.now(this.clock);
        for (UsageSnapshot snapshot : this.history) {
            if ((tenant == null || snapshot.portal().equals(tenant)) && snapshot.date().isBefore(today)) {
                rows.add(snapshot);
            }
        }
        rows.sort(Comparator.comparing(UsageSnapshot::date).thenComparing(UsageSnapshot::cloudFolderUid));
        for (Tenant each : this.state.tenants()) {
            if (tenant != null && !tenant.equals(each.name())) {
                continue;
            }
            for (CloudFolder folder : this.store.folders(each.name())) {
                rows.add(today(folder, today));
            }
        }
        QueryPage<UsageSnapshot> page = QueryPage.of(rows, params, row -> row::field);
        return page.answer(params, UsageSnapshot::render);
    }

    UsageSnapshot today(CloudFolder folder, LocalDate today) {
        long[] stats = this.store.folderStats(folder);
        return new UsageSnapshot(today, folder.tenant(), folder.owner(), folder.uid(), folder.name(), stats[0],
                stats[1], folder.quotaBytes());
    }

    private static @Nullable String textOf(XmlObj row, String field) {
        XmlValue value = row;
        for (String part : field.split("\\.")) {
            if (!(value instanceof XmlObj obj)) {
                return null;
            }
            value = obj.get(part);
        }
        return (value instanceof com.ctera.simulator.xml.XmlText text) ? text.text() : null;
    }
}
