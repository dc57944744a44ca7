package com.ctera.simulator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A file or folder inside a cloud folder. Live children are kept by name; deleted ones are kept aside (with their
 * whole subtree) until restored. Mutable: every access goes through {@link FileStore}'s lock.
 *
 * <p>Every change that makes a file live or not, or changes a live file's current size, goes through this class and
 * updates its cloud folder's running counts ({@link CloudFolder#count}), so the quota check never walks the tree.
 */
final class FileNode {

    /** How many versions of a file are kept; older ones are forgotten. */
    static final int MAX_VERSIONS = 10;

    private final long id;
    private final String guid;
    private final boolean folder;
    private final CloudFolder cloudFolder;
    private final TreeMap<String, FileNode> children = new TreeMap<>();
    private final List<FileNode> deletedChildren = new ArrayList<>();
    private final List<FileVersion> versions = new ArrayList<>();
    private String name;
    private @Nullable FileNode parent;
    private LocalDateTime modified;
    private boolean deleted;
    private int lastVersionNumber;

    FileNode(long id, String guid, String name, boolean folder, CloudFolder cloudFolder, LocalDateTime modified) {
        this.id = id;
        this.guid = guid;
        this.name = name;
        this.folder = folder;
        this.cloudFolder = cloudFolder;
        this.modified = modified;
    }

    long id() {
        return this.id;
    }

    String guid() {
        return this.guid;
    }

    String name() {
        return this.name;
    }

    boolean isFolder() {
        return this.folder;
    }

    CloudFolder cloudFolder() {
        return this.cloudFolder;
    }

    @Nullable FileNode parent() {
        return this.parent;
    }

    LocalDateTime modified() {
        return this.modified;
    }

    boolean deleted() {
        return this.deleted;
    }

    TreeMap<String, FileNode> children() {
        return this.children;
    }

    List<FileNode> deletedChildren() {
        return this.deletedChildren;
    }

    List<FileVersion> versions() {
        return this.versions;
    }

    @Nullable FileVersion current() {
        return this.versions.isEmpty() ? null : this.versions.get(this.versions.size() - 1);
    }

    /** The current size of a file; 0 for a folder. */
    long size() {
        FileVersion current = current();
        return (current != null) ? current.size() : 0;
    }

    /** The segments from the cloud folder root (exclusive) to this node (inclusive). */
    List<String> innerPath() {
        List<String> path = new ArrayList<>();
        for (FileNode node = this; node != null && node.parent != null; node = node.parent) {
            path.add(0, node.name);
        }
        return path;
    }

    void addVersion(java.nio.file.Path blob, long size, LocalDateTime time) {
        long before = size();
        this.lastVersionNumber++;
        this.versions.add(new FileVersion(this.lastVersionNumber, blob, size, time));
        if (this.versions.size() > MAX_VERSIONS) {
            this.versions.remove(0);
        }
        this.modified = time;
        countResize(before);
    }

    void copyVersionsFrom(FileNode source) {
        long before = size();
        this.versions.addAll(source.versions);
        this.lastVersionNumber = source.lastVersionNumber;
        countResize(before);
    }

    private void countResize(long before) {
        if (!this.folder && isLive()) {
            this.cloudFolder.count(size() - before, 0);
        }
    }

    @Nullable FileVersion version(int number) {
        for (FileVersion version : this.versions) {
            if (version.number() == number) {
                return version;
            }
        }
        return null;
    }

    void attach(FileNode child) {
        FileNode replaced = this.children.get(child.name);
        if (replaced == child) {
            return;
        }
        boolean live = isLive();
        if (replaced != null && live) {
            replaced.countSubtree(-1);
        }
        child.parent = this;
        child.deleted = false;
        this.children.put(child.name, child);
        if (live) {
            child.countSubtree(1);
        }
    }

    void detach(FileNode child) {
        uncountLiveChild(child);
        this.children.remove(child.name, child);
        this.deletedChildren.remove(child);
    }

    void markDeleted(FileNode child, LocalDateTime when) {
        uncountLiveChild(child);
        this.children.remove(child.name, child);
        child.deleted = true;
        child.modified = when;
        this.deletedChildren.add(child);
    }

    void rename(String newName) {
        this.name = newName;
    }

    void touch(LocalDateTime when) {
        this.modified = when;
    }

    private void uncountLiveChild(FileNode child) {
        if (this.children.get(child.name) == child && isLive()) {
            child.countSubtree(-1);
        }
    }

    /**
     * Whether this node's files count as stored: it is its cloud folder's root, or reached from the root through live
     * children only. A node kept aside as deleted, inside a deleted folder, or not attached yet does not count.
     */
    private boolean isLive() {
        FileNode node = this;
        FileNode root = this.cloudFolder.root();
        while (node != root) {
            FileNode up = node.parent;
            if (node.deleted || up == null || up.children.get(node.name) != node) {
                return false;
            }
            node = up;
        }
        return true;
    }

    /** Adds ({@code sign} 1) or takes away (-1) this node's live files and bytes, its own included, to the counts. */
    private void countSubtree(int sign) {
        long[] totals = new long[2];
        if (!this.folder) {
            totals[0] = size();
            totals[1] = 1;
        }
        walk(node -> {
            if (!node.folder) {
                totals[0] += node.size();
                totals[1]++;
            }
        });
        this.cloudFolder.count(sign * totals[0], sign * totals[1]);
    }

    /** Live descendants, depth first, this node excluded. */
    void walk(java.util.function.Consumer<FileNode> visitor) {
        for (FileNode child : this.children.values()) {
            visitor.accept(child);
            if (child.folder) {
                child.walk(visitor);
            }
        }
    }

    @Override
    public String toString() {
        return "FileNode[" + this.id + " " + this.name + "]";
    }
}
