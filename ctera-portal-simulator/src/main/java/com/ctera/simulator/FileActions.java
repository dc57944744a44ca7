package com.ctera.simulator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.ctera.simulator.xml.XmlObj;
import org.jspecify.annotations.Nullable;

/**
 * The background file operations (protocol §5.4.7): delete, restore, copy and move (rename is a move within the
 * folder). Items run in order; the first failure stops the task and leaves a cursor to resume from, as the
 * SDK's conflict resolver expects.
 */
final class FileActions {

    /** Which operation, by its user-defined call name. */
    enum Kind {
        DELETE("deleteResources"), RESTORE("restoreResources"), COPY("copyResources"), MOVE("moveResources");

        private final String callName;

        Kind(String callName) {
            this.callName = callName;
        }

        String callName() {
            return this.callName;
        }

        boolean needsDestination() {
            return this == COPY || this == MOVE;
        }
    }

    /** One {@code SrcDstParam}: absolute hrefs. */
    record Item(String src, @Nullable String dest) {
    }

    /**
     * How to continue after a conflict.
     * @param handler {@code Skip}, {@code Override} or {@code Rename} for conflicts, or null to fail on them
     * @param resumeFrom the {@code srcResource} of the failed task's cursor: items before it are already done
     */
    record Resolution(@Nullable String handler, @Nullable String resumeFrom) {

        static final Resolution NONE = new Resolution(null, null);
    }

    /**
     * What a task did.
     * @param errorType {@code Conflict}, {@code PermissionDenied} or null
     * @param cursor the {@code ResourceActionCursor} to resume from on failure
     * @param paths the affected paths as the portal reports them (new path for moves)
     */
    record Outcome(boolean success, @Nullable String errorType, String progstring, @Nullable XmlObj cursor,
            int filesProcessed, long bytesProcessed, List<String> paths) {
    }

    private final FileStore store;

    FileActions(FileStore store) {
        this.store = store;
    }

    /** The number of items and bytes a task will touch, counted when it starts. */
    long[] totals(Viewer viewer, PortalContext context, Kind kind, List<Item> items) {
        return this.store.locked(() -> {
            long[] totals = new long[2];
            for (Item item : items) {
                List<String> segments = WebdavPath.segments(context, item.src());
                Resource resource = (segments != null)
                        ? this.store.resolve(viewer, segments, kind == Kind.RESTORE) : null;
                if (resource == null || resource.node() == null) {
                    continue;
                }
                totals[0]++;
                totals[1] += resource.size();
                if (resource.folder()) {
                    resource.node().walk(node -> {
                        totals[0]++;
                        totals[1] += node.size();
                    });
                }
            }
            return totals;
        });
    }

    Outcome run(Kind kind, Viewer viewer, PortalContext context, List<Item> items, Resolution resolution) {
        return this.store.locked(() -> runLocked(kind, viewer, context, items, resolution));
    }

    private Outcome runLocked(Kind kind, Viewer viewer, PortalContext context, List<Item> items,
            Resolution resolution) {
        List<String> paths = new ArrayList<>();
        int files = 0;
        long bytes = 0;
        boolean skipping = resolution.resumeFrom() != null;
        for (Item item : items) {
            if (skipping && !item.src().equals(resolution.resumeFrom())) {
                continue;
            }
            skipping = false;
            List<String> srcSegments = WebdavPath.segments(context, item.src());
            Resource source = (srcSegments != null) ? this.store.resolve(viewer, srcSegments, kind == Kind.RESTORE)
                    : null;
            if (source == null || (kind == Kind.RESTORE && !source.deleted())) {
                return failure(null, "Resource, " + relative(context, item.src()) + " , doesn't exist.", item,
                        files, bytes, paths);
            }
            if (source.isVirtual() || source.node().parent() == null || source.version() != null) {
                return failure("PermissionDenied", "PermissionDenied", item, files, bytes, paths);
            }
            FileNode node = source.node();
            long size = subtreeSize(node);
            String failed = switch (kind) {
                case DELETE -> delete(node);
                case RESTORE -> restore(node, resolution.handler());
                case COPY, MOVE -> transfer(kind, viewer, context, node, item, resolution.handler(), paths);
            };
            if (failed != null) {
                String errorType = failed.equals("DestinationNotExists") ? null : failed;
                return failure(errorType, failed, item, files, bytes, paths);
            }
            if (kind == Kind.DELETE || kind == Kind.RESTORE) {
                paths.add(relative(context, item.src()));
            }
            files++;
            bytes += size;
        }
        return new Outcome(true, null, "Done", null, files, bytes, paths);
    }

    private @Nullable String delete(FileNode node) {
        FileNode parent = node.parent();
        if (parent == null || node.deleted()) {
            return "PermissionDenied";
        }
        parent.markDeleted(node, this.store.now());
        this.store.recordChange(node);
        return null;
    }

    private @Nullable String restore(FileNode node, @Nullable String handler) {
        FileNode parent = node.parent();
        if (parent == null) {
            return "PermissionDenied";
        }
        FileNode clash = parent.children().get(node.name());
        if (clash != null) {
            if (handler == null) {
                return "Conflict";
            }
            switch (handler) {
                case "Skip" -> {
                    return null;
                }
                case "Override" -> {
                    parent.markDeleted(clash, this.store.now());
                    this.store.recordChange(clash);
                }
                default -> node.rename(freeName(parent, node.name()));
            }
        }
        parent.detach(node);
        parent.attach(node);
        node.touch(this.store.now());
        this.store.recordChange(node);
        return null;
    }

    private @Nullable String transfer(Kind kind, Viewer viewer, PortalContext context, FileNode node, Item item,
            @Nullable String handler, List<String> paths) {
        if (item.dest() == null) {
            return "DestinationNotExists";
        }
        List<String> destSegments = WebdavPath.segments(context, item.dest());
        if (destSegments == null || destSegments.isEmpty()) {
            return "DestinationNotExists";
        }
        Resource destParent = this.store.resolve(viewer, destSegments.subList(0, destSegments.size() - 1), false);
        if (destParent == null || !destParent.folder() || destParent.version() != null) {
            return "DestinationNotExists";
        }
        if (destParent.isVirtual()) {
            return "PermissionDenied";
        }
        String name = destSegments.get(destSegments.size() - 1);
        if (FileStore.nameProblem(name) != null) {
            return "PermissionDenied";
        }
        FileNode target = destParent.node();
        for (FileNode up = target; up != null; up = up.parent()) {
            if (up == node) {
                return "PermissionDenied";
            }
        }
        FileNode clash = target.children().get(name);
        if (clash == node) {
            paths.add(relative(context, item.dest()));
            return null;
        }
        if (clash != null) {
            if (handler == null) {
                return "Conflict";
            }
            switch (handler) {
                case "Skip" -> {
                    return null;
                }
                case "Override" -> {
                    target.markDeleted(clash, this.store.now());
                    this.store.recordChange(clash);
                }
                default -> name = freeName(target, name);
            }
        }
        LocalDateTime now = this.store.now();
        if (kind == Kind.MOVE && node.cloudFolder() == target.cloudFolder()) {
            FileNode oldParent = node.parent();
            if (oldParent != null) {
                oldParent.detach(node);
                oldParent.touch(now);
            }
            node.rename(name);
            target.attach(node);
            this.store.recordChange(node);
        }
        else {
            FileNode copy = copyTree(node, name, target.cloudFolder());
            target.attach(copy);
            recordTree(copy);
            if (kind == Kind.MOVE) {
                FileNode oldParent = node.parent();
                if (oldParent != null) {
                    oldParent.markDeleted(node, now);
                    oldParent.detach(node);
                }
                this.store.recordChange(node);
            }
        }
        target.touch(now);
        paths.add(relative(context, WebdavPath.href(context, FileStore.append(
                destSegments.subList(0, destSegments.size() - 1), name))));
        return null;
    }

    private FileNode copyTree(FileNode source, String name, CloudFolder cloud) {
        FileNode copy = this.store.newNode(name, source.isFolder(), cloud, this.store.now());
        copy.copyVersionsFrom(source);
        for (FileNode child : source.children().values()) {
            copy.attach(copyTree(child, child.name(), cloud));
        }
        return copy;
    }

    private void recordTree(FileNode node) {
        this.store.recordChange(node);
        for (FileNode child : node.children().values()) {
            recordTree(child);
        }
    }

    private static long subtreeSize(FileNode node) {
        long[] size = { node.size() };
        if (node.isFolder()) {
            node.walk(child -> size[0] += child.size());
        }
        return size[0];
    }

    /** {@code name (1).ext}, {@code name (2).ext}, ...: the first not taken in the folder. */
    private static String freeName(FileNode folder, String name) {
        int dot = name.lastIndexOf('.');
        String base = (dot > 0) ? name.substring(0, dot) : name;
        String extension = (dot > 0) ? name.substring(dot) : "";
        for (int i = 1; i < 10_000; i++) {
            String candidate = base + " (" + i + ")" + extension;
            if (!folder.children().containsKey(candidate)) {
                return candidate;
            }
        }
        return base + " (" + System.nanoTime() + ")" + extension;
    }

    private static Outcome failure(@Nullable String errorType, String progstring, Item item, int files, long bytes,
            List<String> paths) {
        String src = item.src();
        int slash = src.lastIndexOf('/');
        XmlObj cursor = XmlObj.ofClass("ResourceActionCursor")
            .put("upperLevelUrl", (slash > 0) ? src.substring(0, slash) : src)
            .put("srcResource", src)
            .put("destResource", item.dest());
        return new Outcome(false, errorType, progstring, cursor, files, bytes, paths);
    }

    /** The path relative to the webdav root, unencoded, as the SDK reports it. */
    static String relative(PortalContext context, String href) {
        List<String> segments = WebdavPath.segments(context, href);
        return (segments != null) ? String.join("/", segments) : href;
    }
}
