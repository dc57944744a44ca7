package com.ctera.simulator;

import java.time.LocalDateTime;

/**
 * A user's cloud drive folder (e.g. {@code My Files}): identity, owner, storage quota, the root of its tree and a
 * running count of the bytes and files stored in it (kept by {@link FileNode}, under {@link FileStore}'s lock).
 */
final class CloudFolder {

    private final long uid;
    private final String name;
    private final long groupUid;
    private final String tenant;
    private final String owner;
    private final long ownerUid;
    private final String ownerFriendlyName;
    private final FileNode root;
    private volatile long quotaBytes;
    private long storedBytes;
    private long storedFiles;

    CloudFolder(long uid, String name, long groupUid, String tenant, String owner, long ownerUid,
            String ownerFriendlyName, long quotaBytes, long rootId, String rootGuid, LocalDateTime created) {
        this.uid = uid;
        this.name = name;
        this.groupUid = groupUid;
        this.tenant = tenant;
        this.owner = owner;
        this.ownerUid = ownerUid;
        this.ownerFriendlyName = ownerFriendlyName;
        this.quotaBytes = quotaBytes;
        this.root = new FileNode(rootId, rootGuid, name, true, this, created);
    }

    long uid() {
        return this.uid;
    }

    String name() {
        return this.name;
    }

    long groupUid() {
        return this.groupUid;
    }

    String tenant() {
        return this.tenant;
    }

    String owner() {
        return this.owner;
    }

    long ownerUid() {
        return this.ownerUid;
    }

    String ownerFriendlyName() {
        return this.ownerFriendlyName;
    }

    FileNode root() {
        return this.root;
    }

    long quotaBytes() {
        return this.quotaBytes;
    }

    void quotaBytes(long bytes) {
        this.quotaBytes = bytes;
    }

    /** Bytes of the current versions of the live files, without walking the tree. */
    long storedBytes() {
        return this.storedBytes;
    }

    /** How many live files the folder holds, without walking the tree. */
    long storedFiles() {
        return this.storedFiles;
    }

    /** Adds to (or, negative, takes from) the running counts when live files come, go or change size. */
    void count(long bytes, long files) {
        this.storedBytes += bytes;
        this.storedFiles += files;
    }

    @Override
    public String toString() {
        return "CloudFolder[" + this.uid + " " + this.tenant + "/" + this.owner + "/" + this.name + "]";
    }
}
