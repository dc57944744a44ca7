package com.ctera.client.reports;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The reports a portal builds (protocol §5.8); the SDK accepts only these names. */
public enum ReportName {

    /** Storage nodes' statistics; global administration. */
    STORAGE_LOCATIONS("storageLocationsStatisticsReport", true),

    /** Tenants' statistics; global administration. */
    PORTALS("portalsStatisticsReport", true),

    /** Cloud folders' statistics; a tenant. */
    FOLDERS("foldersStatisticsReport", false),

    /** Folder groups' statistics; a tenant. */
    FOLDER_GROUPS("folderGroupsStatisticsReport", false);

    private final String wireName;

    private final boolean global;

    ReportName(String wireName, boolean global) {
        this.wireName = wireName;
        this.global = global;
    }

    /** The report's name on the wire. */
    public String wireName() {
        return this.wireName;
    }

    /** Whether it is built in global administration (else in a tenant). */
    public boolean global() {
        return this.global;
    }

    /**
     * The report with this wire name or constant name, in any letter case.
     * @throws IllegalArgumentException naming the allowed names
     */
    public static ReportName parse(String name) {
        for (ReportName report : values()) {
            if (report.wireName.equalsIgnoreCase(name.trim()) || report.name().equalsIgnoreCase(name.trim())) {
                return report;
            }
        }
        throw new IllegalArgumentException("Unknown report '" + name + "'; allowed: " + Arrays.stream(values())
                .map(ReportName::wireName).collect(Collectors.joining(", ")));
    }
}
