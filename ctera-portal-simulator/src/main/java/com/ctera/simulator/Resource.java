package com.ctera.simulator;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A resolved path as a viewer sees it: a virtual container (root, {@code Users}, a user's folder list), a cloud
 * folder, or a file or folder inside one, possibly a previous version of a file.
 *
 * @param segments the path from the viewer's root, used to build the href
 * @param scope the portal's scope value ({@code Root}, {@code UsersContainer}, {@code Personal}, ...)
 * @param cloud the cloud folder, null for virtual containers
 * @param node the node, null for virtual containers
 * @param version the version reached through {@code .snapshots}, null for the current state
 */
record Resource(List<String> segments, String name, boolean folder, boolean deleted, String scope,
        @Nullable CloudFolder cloud, @Nullable FileNode node, @Nullable FileVersion version) {

    boolean isVirtual() {
        return this.node == null;
    }

    long size() {
        if (this.version != null) {
            return this.version.size();
        }
        return (this.node != null) ? this.node.size() : 0;
    }

    @Nullable LocalDateTime modified() {
        if (this.version != null) {
            return this.version.time();
        }
        return (this.node != null) ? this.node.modified() : null;
    }

    /** The body to stream: the chosen version, else the current one; null for folders. */
    @Nullable FileVersion body() {
        if (this.version != null) {
            return this.version;
        }
        return (this.node != null && !this.node.isFolder()) ? this.node.current() : null;
    }
}
