package com.ctera.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The cloud drive of every tenant: cloud folders per user, their trees, file versions (bodies in a
 * {@link BlobStore}) and the change feed every mutation feeds. One lock guards the trees; file bodies are read and
 * written outside it.
 */
final class FileStore implements AutoCloseable {

    /** The reserved folder name through which previous versions are reached ({@code My Files/.snapshots/2/a.txt}). */
    static final String SNAPSHOTS = ".snapshots";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private static final String INVALID_CHARACTERS = "\\/:?&<>\"|";

    private final SimulatorState state;
    private final BlobStore blobs;
    private final ChangeFeed feed = new ChangeFeed();
    private final Clock clock;
    private final AtomicLong fileIds = new AtomicLong(100_000);
    private final AtomicLong versionStamps = new AtomicLong();
    private final ConcurrentSkipListMap<Long, CloudFolder> folders = new ConcurrentSkipListMap<>();

    /**
     * The folders of each owner ({@code tenant NUL owner}), in creation order. Creating a user and every end-user
     * call look up the owner's folders: a scan of all folders made 10,000 user creations quadratic.
     */
    private final ConcurrentHashMap<String, List<CloudFolder>> foldersByOwner = new ConcurrentHashMap<>();

    FileStore(SimulatorState state, @Nullable Path dataDirectory, Clock clock) {
        this.state = state;
        this.blobs = new BlobStore(dataDirectory);
        this.clock = clock;
    }

    BlobStore blobs() {
        return this.blobs;
    }

    ChangeFeed feed() {
        return this.feed;
    }

    LocalDateTime now() {
        return LocalDateTime.now(this.clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Runs an action holding the tree lock. */
    synchronized <T> T locked(Supplier<T> action) {
        return action.get();
    }

    /** The portal's time format, {@code 2024-05-01T10:00:00} (seconds always written). */
    static String iso(LocalDateTime time) {
        return ISO.format(time);
    }

    // ---- cloud folders ------------------------------------------------------------------------------------------

    synchronized CloudFolder createCloudFolder(UserRecord owner, String name, long quotaBytes, LocalDateTime created) {
        List<CloudFolder> owned = this.foldersByOwner.computeIfAbsent(ownerKey(owner.tenant(), owner.name()),
                key -> new CopyOnWriteArrayList<>());
        for (CloudFolder existing : owned) {
            if (existing.name().equals(name)) {
                return existing;
            }
        }
        long rootId = this.fileIds.incrementAndGet();
        CloudFolder folder = new CloudFolder(this.state.nextUid(), name, groupUid(owner.tenant()), owner.tenant(),
                owner.name(), owner.uid(), friendlyName(owner), quotaBytes, rootId, guid(rootId), created);
        this.folders.put(folder.uid(), folder);
        owned.add(folder);
        return folder;
    }

    private static String ownerKey(String tenant, String owner) {
        return tenant + '\0' + owner;
    }

    /** The folder group of a tenant: one per tenant, named {@code Users Folder Group}. */
    long groupUid(String tenant) {
        Tenant found = this.state.tenant(tenant);
        return (found != null) ? found.uid() * 10 + 1 : 1;
    }

    @Nullable CloudFolder folder(long uid) {
        return this.folders.get(uid);
    }

    List<CloudFolder> folders(String tenant) {
        List<CloudFolder> result = new ArrayList<>();
        for (CloudFolder folder : this.folders.values()) {
            if (folder.tenant().equals(tenant)) {
                result.add(folder);
            }
        }
        return result;
    }

    List<CloudFolder> folders(String tenant, String owner) {
        return new ArrayList<>(this.foldersByOwner.getOrDefault(ownerKey(tenant, owner), List.of()));
    }

    static String friendlyName(UserRecord user) {
        String first = user.attributes().get("firstName");
        String last = user.attributes().get("lastName");
        String full = ((first != null ? first : "") + " " + (last != null ? last : "")).trim();
        return full.isEmpty() ? user.name() : full;
    }

    /** Bytes stored (current versions of live files) in a cloud folder, and how many files: the running counts. */
    synchronized long[] folderStats(CloudFolder folder) {
        return new long[] { folder.storedBytes(), folder.storedFiles() };
    }

    /** Bytes a user stores over all their cloud folders. */
    long usage(String tenant, String owner) {
        long total = 0;
        for (CloudFolder folder : folders(tenant, owner)) {
            total += folderStats(folder)[0];
        }
        return total;
    }

    // ---- paths --------------------------------------------------------------------------------------------------

    /** The path segments of a node as the viewer sees it. */
    List<String> segmentsOf(Viewer viewer, CloudFolder folder, List<String> inner) {
        List<String> segments = new ArrayList<>();
        if (viewer.user() == null) {
            segments.add("Users");
            segments.add(folder.ownerFriendlyName());
        }
        segments.add(folder.name());
        segments.addAll(inner);
        return segments;
    }

    /** Resolves a path; {@code allowDeleted} lets the last segment name a deleted item. Null when not found. */
    synchronized @Nullable Resource resolve(Viewer viewer, List<String> segments, boolean allowDeleted) {
        int folderIndex;
        CloudFolder folder;
        if (viewer.user() != null) {
            if (segments.isEmpty()) {
                return virtual(segments, "", "Root");
            }
            folder = visibleFolder(viewer, null, segments.get(0));
            folderIndex = 0;
        }
        else {
            if (segments.isEmpty()) {
                return virtual(segments, "", "Root");
            }
            if (!segments.get(0).equals("Users")) {
                return null;
            }
            if (segments.size() == 1) {
                return virtual(segments, "Users", "UsersContainer");
            }
            if (ownerByFriendlyName(viewer.tenant(), segments.get(1)) == null) {
                return null;
            }
            if (segments.size() == 2) {
                return virtual(segments, segments.get(1), "CloudDrivesContainer");
            }
            folder = (segments.size() > 2) ? visibleFolder(viewer, segments.get(1), segments.get(2)) : null;
            folderIndex = 2;
        }
        if (folder == null) {
            return null;
        }
        List<String> inner = segments.subList(folderIndex + 1, segments.size());
        if (!inner.isEmpty() && inner.get(0).equals(SNAPSHOTS)) {
            return resolveVersion(segments, folder, inner);
        }
        FileNode node = folder.root();
        for (int i = 0; i < inner.size(); i++) {
            String name = inner.get(i);
            FileNode next = node.children().get(name);
            if (next == null && allowDeleted && i == inner.size() - 1) {
                next = lastDeleted(node, name);
            }
            if (next == null || (i < inner.size() - 1 && !next.isFolder())) {
                return null;
            }
            node = next;
        }
        return resource(List.copyOf(segments), node, null);
    }

    private @Nullable Resource resolveVersion(List<String> segments, CloudFolder folder, List<String> inner) {
        if (inner.size() < 3) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(inner.get(1));
        }
        catch (NumberFormatException ex) {
            return null;
        }
        FileNode node = folder.root();
        for (String name : inner.subList(2, inner.size())) {
            node = node.children().get(name);
            if (node == null) {
                return null;
            }
        }
        FileVersion version = node.isFolder() ? null : node.version(number);
        return (version != null) ? resource(List.copyOf(segments), node, version) : null;
    }

    private static @Nullable FileNode lastDeleted(FileNode parent, String name) {
        List<FileNode> deleted = parent.deletedChildren();
        for (int i = deleted.size() - 1; i >= 0; i--) {
            if (deleted.get(i).name().equals(name)) {
                return deleted.get(i);
            }
        }
        return null;
    }

    private @Nullable CloudFolder visibleFolder(Viewer viewer, @Nullable String ownerFriendlyName, String name) {
        for (CloudFolder folder : folders(viewer.tenant())) {
            if (viewer.sees(folder) && folder.name().equals(name)
                    && (ownerFriendlyName == null || folder.ownerFriendlyName().equals(ownerFriendlyName))) {
                return folder;
            }
        }
        return null;
    }

    private @Nullable String ownerByFriendlyName(String tenant, String friendly) {
        for (CloudFolder folder : folders(tenant)) {
            if (folder.ownerFriendlyName().equals(friendly)) {
                return folder.owner();
            }
        }
        return null;
    }

    private static Resource virtual(List<String> segments, String name, String scope) {
        return new Resource(List.copyOf(segments), name, true, false, scope, null, null, null);
    }

    private static Resource resource(List<String> segments, FileNode node, @Nullable FileVersion version) {
        boolean isRoot = node.parent() == null;
        String scope = isRoot ? "Personal" : "InsideCloudFolder";
        return new Resource(segments, node.name(), node.isFolder(), node.deleted(), scope, node.cloudFolder(), node,
                version);
    }

    /** The children of a folder resource, sorted by name (live first, then deleted ones when asked). */
    synchronized List<Resource> children(Viewer viewer, Resource parent, boolean includeDeleted) {
        List<Resource> result = new ArrayList<>();
        if (parent.isVirtual()) {
            List<String> names = new ArrayList<>();
            if (viewer.user() != null) {
                folders(viewer.tenant(), viewer.user()).forEach(folder -> names.add(folder.name()));
            }
            else if (parent.segments().isEmpty()) {
                names.add("Users");
            }
            else if (parent.segments().size() == 1) {
                for (CloudFolder folder : folders(viewer.tenant())) {
                    if (!names.contains(folder.ownerFriendlyName())) {
                        names.add(folder.ownerFriendlyName());
                    }
                }
            }
            else {
                for (CloudFolder folder : folders(viewer.tenant())) {
                    if (folder.ownerFriendlyName().equals(parent.name())) {
                        names.add(folder.name());
                    }
                }
            }
            names.stream().sorted().forEach(name -> {
                List<String> segments = new ArrayList<>(parent.segments());
                segments.add(name);
                Resource child = resolve(viewer, segments, false);
                if (child != null) {
                    result.add(child);
                }
            });
            return result;
        }
        FileNode node = parent.node();
        if (node == null || !node.isFolder() || parent.version() != null) {
            return result;
        }
        for (FileNode child : node.children().values()) {
            result.add(resource(append(parent.segments(), child.name()), child, null));
        }
        if (includeDeleted) {
            for (FileNode child : node.deletedChildren()) {
                result.add(resource(append(parent.segments(), child.name()), child, null));
            }
        }
        return result;
    }

    /** One page of a folder's children and how many children there are in all. */
    record ChildPage(List<Resource> items, int total) {
    }

    /**
     * The page {@code [start, start + limit)} of {@link #children}: the same items in the same order, but only the
     * page's are made, so listing a large folder page by page costs each page its own size, not the folder's.
     */
    synchronized ChildPage childrenPage(Viewer viewer, Resource parent, boolean includeDeleted, int start,
            int limit) {
        FileNode node = parent.node();
        if (parent.isVirtual() || node == null || !node.isFolder() || parent.version() != null) {
            List<Resource> all = children(viewer, parent, includeDeleted);
            int from = Math.min(start, all.size());
            return new ChildPage(List.copyOf(all.subList(from, (int) Math.min((long) from + limit, all.size()))),
                    all.size());
        }
        int total = node.children().size() + (includeDeleted ? node.deletedChildren().size() : 0);
        List<Resource> items = new ArrayList<>(Math.max(0, Math.min(limit, total - start)));
        int index = 0;
        for (FileNode child : node.children().values()) {
            if (items.size() >= limit) {
                break;
            }
            if (index++ >= start) {
                items.add(resource(append(parent.segments(), child.name()), child, null));
            }
        }
        if (includeDeleted) {
            for (FileNode child : node.deletedChildren()) {
                if (items.size() >= limit) {
                    break;
                }
                if (index++ >= start) {
                    items.add(resource(append(parent.segments(), child.name()), child, null));
                }
            }
        }
        return new ChildPage(items, total);
    }

    /** Every live item below a folder resource, breadth first. */
    synchronized List<Resource> descendants(Viewer viewer, Resource parent) {
        List<Resource> result = new ArrayList<>();
        List<Resource> level = List.of(parent);
        int guard = 0;
        while (!level.isEmpty() && guard++ < 10_000) {
            List<Resource> next = new ArrayList<>();
            for (Resource folder : level) {
                for (Resource child : children(viewer, folder, false)) {
                    result.add(child);
                    if (child.folder()) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return result;
    }

    static List<String> append(List<String> segments, String name) {
        List<String> result = new ArrayList<>(segments.size() + 1);
        result.addAll(segments);
        result.add(name);
        return result;
    }

    /** Why a name cannot be used, or null when it can. */
    static @Nullable String nameProblem(String name) {
        if (name.isBlank() || name.equals(".") || name.equals("..")) {
            return "InvalidName";
        }
        for (char c : name.toCharArray()) {
            if (INVALID_CHARACTERS.indexOf(c) >= 0 || c < 0x20) {
                return "InvalidName";
            }
        }
        return name.equals(SNAPSHOTS) ? "ReservedName" : null;
    }

    // ---- mutations ----------------------------------------------------------------------------------------------

    /** {@code makeCollection}: null on success, else the portal's error code (protocol §3.2). */
    synchronized @Nullable String makeCollection(Viewer viewer, List<String> parentSegments, String name) {
        Resource parent = resolve(viewer, parentSegments, false);
        if (parent == null || !parent.folder() || parent.version() != null) {
            return "DestinationNotExists";
        }
        if (parent.isVirtual()) {
            return "PermissionDenied";
        }
        String problem = nameProblem(name);
        if (problem != null) {
            return problem;
        }
        FileNode node = parent.node();
        if (node.children().containsKey(name)) {
            return "FileWithTheSameNameExist";
        }
        FileNode created = newNode(name, true, node.cloudFolder(), now());
        node.attach(created);
        node.touch(created.modified());
        recordChange(created);
        return null;
    }

    /** Where an upload lands, checked before the body is read. */
    record UploadTarget(CloudFolder folder, FileNode parent, String name) {
    }

    /** Checks an upload's destination: the target, or the {@code msg} of the refusal. */
    synchronized Object uploadTarget(Viewer viewer, long folderUid, List<String> segments) {
        CloudFolder folder = this.folders.get(folderUid);
        if (folder == null || !viewer.sees(folder) || segments.isEmpty()) {
            return "Destination folder does not exist";
        }
        Resource parent = resolve(viewer, segments.subList(0, segments.size() - 1), false);
        if (parent == null || parent.isVirtual() || !parent.folder() || parent.cloud() != folder
                || parent.version() != null) {
            return "DestinationNotExists";
        }
        String name = segments.get(segments.size() - 1);
        String problem = nameProblem(name);
        if (problem != null) {
            return problem;
        }
        FileNode existing = parent.node().children().get(name);
        if (existing != null && existing.isFolder()) {
            return "FileWithTheSameNameExist";
        }
        return new UploadTarget(folder, parent.node(), name);
    }

    /** Stores an uploaded body as a new file or a new version of the existing one. */
    synchronized FileNode commitUpload(UploadTarget target, Path blob, long size) {
        LocalDateTime now = now();
        FileNode existing = target.parent().children().get(target.name());
        FileNode node = existing;
        if (node == null || node.isFolder()) {
            node = newNode(target.name(), false, target.folder(), now);
            target.parent().attach(node);
        }
        node.addVersion(blob, size, now);
        target.parent().touch(now);
        recordChange(node);
        return node;
    }

    /** Adds a demo file with the given versions (oldest first, with their times). */
    synchronized FileNode seedFile(CloudFolder folder, List<String> inner, List<byte[]> bodies,
            List<LocalDateTime> times) {
        FileNode parent = folder.root();
        for (String name : inner.subList(0, inner.size() - 1)) {
            FileNode next = parent.children().get(name);
            if (next == null) {
                next = newNode(name, true, folder, times.get(0));
                parent.attach(next);
                recordChange(next);
            }
            parent = next;
        }
        FileNode file = newNode(inner.get(inner.size() - 1), false, folder, times.get(0));
        parent.attach(file);
        for (int i = 0; i < bodies.size(); i++) {
            file.addVersion(this.blobs.write(bodies.get(i)), bodies.get(i).length, times.get(i));
        }
        recordChange(file);
        return file;
    }

    FileNode newNode(String name, boolean folder, CloudFolder cloud, LocalDateTime modified) {
        long id = this.fileIds.incrementAndGet();
        return new FileNode(id, guid(id), name, folder, cloud, modified);
    }

    private static String guid(long id) {
        return UUID.nameUUIDFromBytes(("ctera-simulator-node-" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Appends the node's current state to its tenant's change feed (protocol §5.6 entry, the 13 keys). */
    void recordChange(FileNode node) {
        CloudFolder folder = node.cloudFolder();
        Tenant tenant = this.state.tenant(folder.tenant());
        FileVersion current = node.current();
        FileNode parent = node.parent();
        Map<String, @Nullable Object> entry = new LinkedHashMap<>();
        entry.put("type", node.isFolder() ? "folder" : "file");
        entry.put("guid", node.guid());
        entry.put("folder_id", folder.uid());
        entry.put("deleted", node.deleted());
        entry.put("name", node.name());
        entry.put("modified", iso(node.modified()));
        entry.put("size", node.size());
        entry.put("id", node.id());
        entry.put("parent_guid", (parent != null) ? parent.guid() : folder.root().guid());
        entry.put("gvsn", "gvsn-" + this.versionStamps.incrementAndGet());
        entry.put("file_timestamp", iso((current != null) ? current.time() : node.modified()));
        entry.put("acl", null);
        entry.put("virtual_portal_id", (tenant != null) ? Long.toString(tenant.uid()) : "0");
        this.feed.record(folder.tenant(), folder.uid(), entry);
    }

    @Override
    public void close() {
        this.blobs.close();
    }
}
