package com.ctera.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.ctera.simulator.xml.XmlList;
import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlText;
import com.ctera.simulator.xml.XmlValue;
import org.jspecify.annotations.Nullable;

/**
 * The cloud drive's XML calls (protocol §5.4.2, §5.4.3, §5.4.7, §5.4.8, §5.9): fetchResources (stat, list, search),
 * makeCollection, the background file tasks and their status, and listSnapshots.
 */
final class FileApi {

    private static final int DEFAULT_LIMIT = 100;

    private final SimulatorState state;
    private final FileStore store;
    private final FileActions actions;
    private final BackgroundTasks tasks;
    private final LogStore logs;

    FileApi(SimulatorState state, FileStore store, BackgroundTasks tasks, LogStore logs) {
        this.state = state;
        this.store = store;
        this.actions = new FileActions(store);
        this.tasks = tasks;
        this.logs = logs;
    }

    PortalAnswer fetchResources(ApiCall call) {
        if (!(call.payload() instanceof XmlObj param)) {
            throw new BadRequestException("fetchResources expects a FetchResourcesParam object");
        }
        Viewer viewer = viewer(call);
        String rootHref = param.text("root").orElseThrow(() -> new BadRequestException("root is required"));
        String depth = param.text("depth").orElse("0").trim();
        if (!depth.equals("0") && !depth.equals("1") && !depth.equalsIgnoreCase("Infinity")) {
            throw new BadRequestException("depth must be 0, 1 or Infinity, was " + depth);
        }
        int start = intOf(param, "start", 0);
        int limit = intOf(param, "limit", DEFAULT_LIMIT);
        if (start < 0 || limit <= 0) {
            throw new BadRequestException("start must be >= 0 and limit > 0");
        }
        boolean includeDeleted = Boolean.parseBoolean(param.text("includeDeleted").orElse("false").trim());
        List<String> segments = WebdavPath.segments(call.context(), rootHref);
        Resource root = (segments != null) ? this.store.resolve(viewer, segments, false) : null;
        XmlObj response = XmlObj.ofClass("FetchResourcesResponse");
        if (root == null) {
            return PortalAnswer.ok(response.put("root", (XmlValue) null)
                .put("items", new XmlList(List.of()))
                .put("hasMore", "false")
                .put("errorType", depth.equals("0") ? null : "DestinationNotExists"));
        }
        List<Resource> page;
        int total;
        if (depth.equals("0") || !root.folder()) {
            page = List.of();
            total = 0;
        }
        else if (depth.equals("1")) {
            FileStore.ChildPage children = this.store.childrenPage(viewer, root, includeDeleted, start, limit);
            page = children.items();
            total = children.total();
        }
        else {
            Predicate<Resource> filter = searchFilter(param.get("searchFilters"));
            List<Resource> all = this.store.descendants(viewer, root).stream().filter(filter).toList();
            page = all.subList(Math.min(start, all.size()), (int) Math.min((long) start + limit, all.size()));
            total = all.size();
        }
        List<XmlValue> items = new ArrayList<>();
        for (Resource resource : page) {
            items.add(resourceInfo(call, resource));
        }
        boolean hasMore = (long) start + limit < total;
        return PortalAnswer.ok(response.put("root", resourceInfo(call, root))
            .put("items", new XmlList(items))
            .put("hasMore", Boolean.toString(hasMore))
            .put("errorType", (String) null));
    }

    PortalAnswer makeCollection(ApiCall call) {
        if (!(call.payload() instanceof XmlObj param)) {
            throw new BadRequestException("makeCollection expects {name, parentPath}");
        }
        String name = param.text("name").orElse("");
        String parentPath = param.text("parentPath").orElseThrow(() -> new BadRequestException("parentPath is required"));
        Viewer viewer = viewer(call);
        List<String> parent = WebdavPath.segments(call.context(), parentPath);
        String error = (parent != null) ? this.store.makeCollection(viewer, parent, name) : "DestinationNotExists";
        if (error != null) {
            return PortalAnswer.ok(new XmlText(error));
        }
        audit(call, "FolderCreated", "Created folder", "mkdir", String.join("/", FileStore.append(parent, name)));
        return PortalAnswer.empty(200);
    }

    PortalAnswer delete(ApiCall call) {
        return startTask(call, FileActions.Kind.DELETE);
    }

    PortalAnswer restore(ApiCall call) {
        return startTask(call, FileActions.Kind.RESTORE);
    }

    PortalAnswer copy(ApiCall call) {
        return startTask(call, FileActions.Kind.COPY);
    }

    PortalAnswer move(ApiCall call) {
        return startTask(call, FileActions.Kind.MOVE);
    }

    private PortalAnswer startTask(ApiCall call, FileActions.Kind kind) {
        if (!(call.payload() instanceof XmlObj param) || !(param.get("urls") instanceof XmlList urls)) {
            throw new BadRequestException(kind.callName() + " expects an ActionResourcesParam with urls");
        }
        List<FileActions.Item> items = new ArrayList<>();
        for (XmlValue value : urls.items()) {
            if (!(value instanceof XmlObj pair)) {
                throw new BadRequestException("urls must hold SrcDstParam objects");
            }
            String src = pair.text("src").orElseThrow(() -> new BadRequestException("SrcDstParam.src is required"));
            String dest = pair.text("dest").orElse(null);
            if (kind.needsDestination() && dest == null) {
                throw new BadRequestException(kind.callName() + " needs a dest for " + src);
            }
            items.add(new FileActions.Item(src, dest));
        }
        FileActions.Resolution resolution = resolution(param.get("startFrom"));
        Viewer viewer = viewer(call);
        PortalContext context = call.context();
        long[] totals = this.actions.totals(viewer, context, kind, items);
        Tenant tenant = this.state.requireTenant(viewer.tenant());
        UserRecord user = tenant.users().get(viewer.username());
        String ip = call.clientIp();
        String ref = this.tasks.startFileTask(kind.callName(), tenant.name(), tenant.uid(),
                (user != null) ? user.uid() : 0, totals[0], totals[1],
                () -> this.actions.run(kind, viewer, context, items, resolution),
                outcome -> logOutcome(viewer, ip, kind, outcome));
        return PortalAnswer.ok(new XmlText(ref));
    }

    private static FileActions.Resolution resolution(@Nullable XmlValue startFrom) {
        if (!(startFrom instanceof XmlObj cursor)) {
            return FileActions.Resolution.NONE;
        }
        String handler = cursor.text("skipHandler").orElse(null);
        if (cursor.get("fileMoveConflictResolutaion") instanceof XmlList resolutions) {
            for (XmlValue value : resolutions.items()) {
                if (value instanceof XmlObj resolution) {
                    handler = resolution.text("handler").orElse(handler);
                }
            }
        }
        if (handler != null && !List.of("Skip", "Override", "Rename").contains(handler)) {
            throw new BadRequestException("Conflict handler must be Skip, Override or Rename, was " + handler);
        }
        return new FileActions.Resolution(handler, cursor.text("srcResource").orElse(null));
    }

    private void logOutcome(Viewer viewer, String ip, FileActions.Kind kind, FileActions.Outcome outcome) {
        String verb = switch (kind) {
            case DELETE -> "delete";
            case RESTORE -> "restore";
            case COPY -> "copy";
            case MOVE -> "move";
        };
        String logName = switch (kind) {
            case DELETE -> "FileDeleted";
            case RESTORE -> "FileRestored";
            case COPY -> "FileCopied";
            case MOVE -> "FileMoved";
        };
        for (String path : outcome.paths()) {
            this.logs.log(viewer.tenant(), "audit", "info", logName, capitalize(verb) + " " + path,
                    viewer.username(), ip, verb, "success", path);
        }
        if (!outcome.success()) {
            this.logs.log(viewer.tenant(), "audit", "warning", logName, capitalize(verb) + " failed: "
                    + outcome.progstring(), viewer.username(), ip, verb, "failure", outcome.errorType());
        }
    }

    PortalAnswer taskStatus(ApiCall call) {
        if (!(call.payload() instanceof XmlText reference)) {
            throw new BadRequestException("getTaskStatus expects <val>servers/{server}/bgTasks/{id}</val>");
        }
        long id = BackgroundTasks.idOf(reference.text());
        if (id < 0) {
            throw new BadRequestException("Not a task reference: " + reference.text());
        }
        XmlObj task = this.tasks.status(id, tenantScope(call));
        return (task != null) ? PortalAnswer.ok(task) : PortalAnswer.notFound();
    }

    PortalAnswer taskRead(ApiCall call) {
        long id;
        try {
            id = Long.parseLong(call.variable("id"));
        }
        catch (NumberFormatException ex) {
            return PortalAnswer.notFound();
        }
        XmlObj task = BackgroundTasks.SERVER.equals(call.variable("server")) ? this.tasks.status(id, tenantScope(call))
                : null;
        return (task != null) ? PortalAnswer.ok(task) : PortalAnswer.notFound();
    }

    PortalAnswer taskList(ApiCall call) {
        if (!BackgroundTasks.SERVER.equals(call.variable("server"))) {
            return PortalAnswer.notFound();
        }
        return PortalAnswer.ok(new XmlList(new ArrayList<>(this.tasks.list(tenantScope(call)))));
    }

    /** Global administration sees every tenant's tasks; anyone else their tenant's. */
    private @Nullable String tenantScope(ApiCall call) {
        Session caller = call.caller();
        if (caller.context() == PortalContext.ADMIN && caller.currentTenant() == null) {
            return null;
        }
        return caller.effectiveTenant(this.state.defaultTenant());
    }

    PortalAnswer listSnapshots(ApiCall call) {
        if (!(call.payload() instanceof XmlText href)) {
            throw new BadRequestException("listSnapshots expects <val>path</val>");
        }
        Viewer viewer = viewer(call);
        List<String> segments = WebdavPath.segments(call.context(), href.text());
        Resource resource = (segments != null) ? this.store.resolve(viewer, segments, false) : null;
        if (resource == null || resource.version() != null) {
            return PortalAnswer.notFound();
        }
        String url = WebdavPath.root(call.context());
        List<XmlValue> snapshots = this.store.locked(() -> {
            List<XmlValue> result = new ArrayList<>();
            FileNode node = resource.node();
            if (node == null || node.isFolder()) {
                result.add(snapshot(url, resource.segments(), true, resource.modified()));
                return result;
            }
            List<FileVersion> versions = node.versions();
            for (int i = versions.size() - 1; i >= 0; i--) {
                FileVersion version = versions.get(i);
                boolean current = i == versions.size() - 1;
                List<String> path = current ? resource.segments()
                        : versionPath(viewer, node, version.number());
                result.add(snapshot(url, path, current, version.time()));
            }
            return result;
        });
        return PortalAnswer.ok(new XmlList(snapshots));
    }

    private List<String> versionPath(Viewer viewer, FileNode node, int number) {
        List<String> inner = new ArrayList<>();
        inner.add(FileStore.SNAPSHOTS);
        inner.add(Integer.toString(number));
        inner.addAll(node.innerPath());
        return this.store.segmentsOf(viewer, node.cloudFolder(), inner);
    }

    private static XmlObj snapshot(String url, List<String> path, boolean current,
            java.time.@Nullable LocalDateTime time) {
        String stamp = (time != null) ? FileStore.iso(time) : null;
        return XmlObj.ofClass("SnapshotResp")
            .put("url", url)
            .put("path", "/" + String.join("/", path))
            .put("current", Boolean.toString(current))
            .put("startTimestamp", stamp)
            .put("calculatedTimestamp", stamp);
    }

    /** A {@code ResourceInfo} with every attribute the SDK reads (protocol §5.4.2). */
    static XmlObj resourceInfo(ApiCall call, Resource resource) {
        CloudFolder cloud = resource.cloud();
        FileNode node = resource.node();
        XmlObj cloudInfo = null;
        if (cloud != null) {
            cloudInfo = XmlObj.plain()
                .put("uid", Long.toString(cloud.uid()))
                .put("name", cloud.name())
                .put("groupUid", Long.toString(cloud.groupUid()))
                .put("passphraseProtected", "false")
                .put("ownerUid", Long.toString(cloud.ownerUid()))
                .put("ownerFriendlyName", cloud.ownerFriendlyName());
        }
        java.time.LocalDateTime modified = resource.modified();
        boolean writable = !resource.isVirtual() && resource.version() == null && !resource.deleted();
        return XmlObj.ofClass("ResourceInfo")
            .put("href", WebdavPath.href(call.context(), resource.segments()))
            .put("name", resource.name())
            .put("fileId", (node != null) ? Long.toString(node.id()) : null)
            .put("isFolder", Boolean.toString(resource.folder()))
            .put("isDeleted", Boolean.toString(resource.deleted()))
            .put("size", Long.toString(resource.size()))
            .put("permalink", (node != null) ? call.origin() + "/ServicesPortal/permalink/" + node.guid() : null)
            .put("lastmodified", (modified != null) ? FileStore.iso(modified) : null)
            .put("scope", resource.scope())
            .put("permission", writable ? "ReadWrite" : "ReadOnly")
            .put("cloudFolderInfo", cloudInfo);
    }

    private static Predicate<Resource> searchFilter(@Nullable XmlValue filters) {
        Predicate<Resource> all = resource -> true;
        if (!(filters instanceof XmlList list)) {
            return all;
        }
        for (XmlValue value : list.items()) {
            if (!(value instanceof XmlObj filter)) {
                throw new BadRequestException("searchFilters must hold SearchFilter objects");
            }
            String field = filter.text("field").orElse("");
            String operator = filter.text("operator").orElse("");
            String wanted = filter.text("value").orElse("").toLowerCase(Locale.ROOT);
            Predicate<Resource> test = switch (field + ":" + operator) {
                case "name:eq" -> resource -> resource.name().toLowerCase(Locale.ROOT).equals(wanted);
                case "name:neq" -> resource -> !resource.name().toLowerCase(Locale.ROOT).equals(wanted);
                case "name:contains" -> resource -> resource.name().toLowerCase(Locale.ROOT).contains(wanted);
                case "extension:eq" -> resource -> extension(resource).equals(wanted);
                case "extension:neq" -> resource -> !extension(resource).equals(wanted);
                default -> throw new BadRequestException("Unsupported search filter " + field + " " + operator
                        + "; supported: name eq|neq|contains, extension eq|neq");
            };
            all = all.and(test);
        }
        return all;
    }

    private static String extension(Resource resource) {
        int dot = resource.name().lastIndexOf('.');
        return (dot >= 0 && !resource.folder()) ? resource.name().substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private void audit(ApiCall call, String logName, String message, String action, String path) {
        Viewer viewer = viewer(call);
        this.logs.log(viewer.tenant(), "audit", "info", logName, message + " " + path, viewer.username(),
                call.clientIp(), action, "success", path);
    }

    private Viewer viewer(ApiCall call) {
        return Viewer.of(call, this.state.defaultTenant());
    }

    private static int intOf(XmlObj param, String id, int fallback) {
        String text = param.text(id).orElse(null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new BadRequestException(id + " must be a whole number, was " + text);
        }
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
