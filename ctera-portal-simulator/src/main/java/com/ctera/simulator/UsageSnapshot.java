package com.ctera.simulator;

import java.time.LocalDate;

import com.ctera.simulator.xml.XmlObj;
import org.jspecify.annotations.Nullable;

/**
 * One day's storage use of one cloud folder: the simulator's per-user usage schema (an assumption; the SDK has no
 * per-user usage API, see ASSUMPTIONS.md "Usage").
 */
record UsageSnapshot(LocalDate date, String portal, String username, long cloudFolderUid, String cloudFolderName,
        long cloudFolderSize, long totalFiles, long quota) {

    @Nullable String field(String name) {
        return switch (name) {
            case "date" -> this.date.toString();
            case "time" -> this.date + "T00:00:00";
            case "portal" -> this.portal;
            case "username", "owner" -> this.username;
            case "cloudFolderUid" -> Long.toString(this.cloudFolderUid);
            case "cloudFolderName", "name" -> this.cloudFolderName;
            case "cloudFolderSize" -> Long.toString(this.cloudFolderSize);
            case "totalFiles" -> Long.toString(this.totalFiles);
            case "quota" -> Long.toString(this.quota);
            default -> null;
        };
    }

    XmlObj render() {
        return XmlObj.ofClass("UsageSnapshot")
            .put("date", this.date.toString())
            .put("portal", this.portal)
            .put("username", this.username)
            .put("cloudFolderUid", Long.toString(this.cloudFolderUid))
            .put("cloudFolderName", this.cloudFolderName)
            .put("cloudFolderSize", Long.toString(this.cloudFolderSize))
            .put("totalFiles", Long.toString(this.totalFiles))
            .put("quota", Long.toString(this.quota));
    }
}
