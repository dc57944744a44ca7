package com.ctera.simulator;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ctera.simulator.xml.XmlList;
import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlText;
import com.ctera.simulator.xml.XmlValue;

/**
 * Reports (protocol §5.8): {@code generateReport} computes a report from the current state and stores it;
 * {@code GET /reports/{name}} returns the stored one. Global reports live in global administration, folder reports
 * in each tenant.
 */
final class ReportApi {

    private static final List<String> GLOBAL = List.of("storageLocationsStatisticsReport", "portalsStatisticsReport");
    private static final List<String> TENANT = List.of("foldersStatisticsReport", "folderGroupsStatisticsReport");

    private final SimulatorState state;
    private final FileStore store;
    private final StatisticsApi statistics;
    private final Clock clock;
    private final Map<String, XmlObj> reports = new ConcurrentHashMap<>();

    ReportApi(SimulatorState state, FileStore store, StatisticsApi statistics, Clock clock) {
        this.state = state;
        this.store = store;
        this.statistics = statistics;
        this.clock = clock;
    }

    PortalAnswer generate(ApiCall call) {
        if (!(call.payload() instanceof XmlText nameValue)) {
            throw new BadRequestException("generateReport expects <val>reportName</val>");
        }
        String name = nameValue.text().trim();
        String scope = scope(call);
        boolean global = scope.isEmpty();
        if (!(global ? GLOBAL : TENANT).contains(name)) {
            throw new BadRequestException("Unknown report " + name + " here; allowed: " + (global ? GLOBAL : TENANT));
        }
        List<XmlValue> rows = new ArrayList<>();
        switch (name) {
            case "portalsStatisticsReport" -> sortedTenants().forEach(tenant -> rows.add(this.statistics.portalRow(tenant)));
            case "storageLocationsStatisticsReport" -> {
                long used = 0;
                long files = 0;
                for (Tenant tenant : this.state.tenants()) {
                    for (CloudFolder folder : this.store.folders(tenant.name())) {
                        long[] stats = this.store.folderStats(folder);
                        used += stats[0];
                        files += stats[1];
                    }
                }
                rows.add(XmlObj.ofClass("StorageLocationStatistics")
                    .put("name", "MainStorage")
                    .put("type", "Local")
                    .put("folderSize", Long.toString(used))
                    .put("totalFiles", Long.toString(files))
                    .put("status", "OK"));
            }
            case "foldersStatisticsReport" -> this.store.folders(scope)
                .forEach(folder -> rows.add(this.statistics.cloudDrive(folder)));
            default -> {
                long used = 0;
                long files = 0;
                int count = 0;
                for (CloudFolder folder : this.store.folders(scope)) {
                    long[] stats = this.store.folderStats(folder);
                    used += stats[0];
                    files += stats[1];
                    count++;
                }
                rows.add(XmlObj.ofClass("FolderGroupStatistics")
                    .put("uid", Long.toString(this.store.groupUid(scope)))
                    .put("name", "Users Folder Group")
                    .put("numberOfFolders", Integer.toString(count))
                    .put("totalSize", Long.toString(used))
                    .put("totalFiles", Long.toString(files)));
            }
        }
        XmlObj report = XmlObj.ofClass("Report")
            .put("name", name)
            .put("portal", global ? null : scope)
            .put("generatedAt", FileStore.iso(LocalDateTime.now(this.clock).truncatedTo(ChronoUnit.SECONDS)))
            .put("rows", new XmlList(rows));
        this.reports.put(scope + "/" + name, report);
        return PortalAnswer.empty(200);
    }

    PortalAnswer read(ApiCall call) {
        XmlObj report = this.reports.get(scope(call) + "/" + call.variable("name"));
        return (report != null) ? PortalAnswer.ok(report) : PortalAnswer.notFound();
    }

    /** Empty for global administration (not browsing a tenant), else the tenant's name. */
    private static String scope(ApiCall call) {
        String tenant = call.caller().currentTenant();
        return (tenant != null) ? tenant : "";
    }

    private List<Tenant> sortedTenants() {
        List<Tenant> tenants = new ArrayList<>(this.state.tenants());
        tenants.sort(Comparator.comparing(Tenant::name));
        return tenants;
    }
}
