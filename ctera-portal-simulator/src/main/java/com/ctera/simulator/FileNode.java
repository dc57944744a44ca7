package com.ctera.simulator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A file or folder inside a cloud folder. Live children are kept by name; deleted ones are kept aside (with their
 * whole subtree) until restored. Mutable: every access goes through {@link FileStore}'s lock.
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
        this.lastVersionNumber++;
        this.versions.add(new FileVersion(this.lastVersionNumber, blob, size, time));
        if (this.versions.size() > MAX_VERSIONS) {
            this.versions.remove(0);
        }
        this.modified = time;
    }

    void copyVersionsFrom(FileNode source) {
        this.versions.addAll(source.versions);
        this.lastVersionNumber = source.lastVersionNumber;
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
        child.parent = this;
        child.deleted = false;
        this.children.put(child.name, child);
    }

    void detach(FileNode child) {
        this.children.remove(child.name, child);
        this.deletedChildren.remove(child);
    }

    void markDeleted(FileNode child, LocalDateTime when) {
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
