package com.ctera.client.files;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraPage;
import com.ctera.client.PortalContext;
import com.ctera.client.protocol.Paging;
import com.ctera.client.protocol.XmlNull;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.session.PortalCalls;

/** Browsing and folders: stat, list, walk, versions, mkdir (protocol §5.4.1–§5.4.3); the other parts build on it. */
final class FileBrowser {

    private static final Logger logger = LoggerFactory.getLogger(FileBrowser.class);

    private final PortalCalls calls;

    private final PortalContext context;

    FileBrowser(PortalCalls calls) {
        this.calls = calls;
        this.context = calls.endpoint().context();
    }

    Mono<FileInfo> stat(PortalPath path) {
        return fetch(path, 0, 0, ListOptions.DEFAULT_PAGE_SIZE, false).map(listing -> {
            if (listing.root() == null) {
                if (listing.errorType() != null && !"DestinationNotExists".equals(listing.errorType())) {
                    throw InBandErrors.resourceError(CteraOperation.FILES_FETCH_RESOURCES.name(),
                            listing.errorType(), path.relative());
                }
                throw InBandErrors.notFound(CteraOperation.FILES_FETCH_RESOURCES.name(), path.relative());
            }
            return listing.root();
        });
    }

    /** Stats the path and fails unless it is a folder. */
    Mono<FileInfo> requireFolder(CteraOperation operation, PortalPath path) {
        return stat(path).map(info -> {
            if (!info.folder()) {
                throw InBandErrors.notAFolder(operation.name(), path.relative());
            }
            return info;
        });
    }

    /** Stats the path and fails unless it is a file. */
    Mono<FileInfo> requireFile(CteraOperation operation, PortalPath path) {
        return stat(path).map(info -> {
            if (info.folder()) {
                throw InBandErrors.notAFile(operation.name(), path.relative());
            }
            return info;
        });
    }

    Flux<FileInfo> list(PortalPath folder, ListOptions options) {
        return requireFolder(CteraOperation.FILES_FETCH_RESOURCES, folder).thenMany(children(folder, options));
    }

    Flux<FileInfo> walk(PortalPath folder) {
        return list(folder, ListOptions.defaults()).expand(item -> item.folder()
                ? children(PortalPath.of(item.path()), ListOptions.defaults())
                        .onErrorResume(error -> error instanceof CteraNotFoundException
                                || error instanceof CteraAccessDeniedException, error -> {
                                    logger.debug("Skipping '{}' while walking: {}", item.path(), error.getMessage());
                                    return Flux.empty();
                                })
                : Flux.empty());
    }

    Flux<FileVersion> versions(PortalPath target) {
        return this.calls.execute(CteraOperation.FILES_LIST_SNAPSHOTS, "listSnapshots",
                new XmlText(target.href(this.context))).flatMapIterable(FileMapper::toVersions);
    }

    Mono<Void> mkdirs(PortalPath path) {
        return Flux.fromIterable(path.prefixes())
                .concatMap(prefix -> makeCollection(prefix)
                        .onErrorResume(CteraConflictException.class, exists -> Mono.empty())
                        // Top-level folders (a cloud folder such as "My Files") exist but may not be created.
                        .onErrorResume(CteraAccessDeniedException.class, refused -> stat(prefix)
                                .onErrorResume(CteraNotFoundException.class, missing -> Mono.error(refused))
                                .flatMap(info -> info.folder() ? Mono.<Void>empty() : Mono.error(refused))))
                .then();
    }

    Mono<Void> makeCollection(PortalPath path) {
        if (path.isRoot()) {
            return Mono.error(new IllegalArgumentException("cannot create the root folder"));
        }
        FileNames.requireValid(path.name());
        XmlObject param = XmlObject.builder()
                .put("name", path.name())
                .put("parentPath", path.parent().href(this.context))
                .build();
        return this.calls.execute(CteraOperation.FILES_MAKE_COLLECTION, "makeCollection", param)
                .flatMap(answer -> {
                    String code = FileMapper.textOf(answer);
                    if (code == null || code.isBlank() || code.equalsIgnoreCase("Ok")) {
                        return Mono.<Void>empty();
                    }
                    return Mono.error(InBandErrors.resourceError(CteraOperation.FILES_MAKE_COLLECTION.name(), code,
                            path.relative()));
                });
    }

    private Flux<FileInfo> children(PortalPath folder, ListOptions options) {
        return Paging.flux(start -> fetch(folder, 1, start, options.pageSize(), options.includeDeleted())
                .map(listing -> {
                    if (listing.errorType() != null) {
                        throw InBandErrors.resourceError(CteraOperation.FILES_FETCH_RESOURCES.name(),
                                listing.errorType(), folder.relative());
                    }
                    return new CteraPage<>(listing.items(), listing.hasMore());
                }), options.pageSize());
    }

    private Mono<FileMapper.Listing> fetch(PortalPath path, int depth, int start, int limit, boolean includeDeleted) {
        XmlObject.Builder param = XmlObject.builder("FetchResourcesParam")
                .put("start", start)
                .put("limit", limit)
                .put("root", path.href(this.context))
                .put("depth", depth);
        if (includeDeleted) {
            param.put("includeDeleted", true);
        }
        return this.calls.execute(CteraOperation.FILES_FETCH_RESOURCES, "fetchResources", param.build(),
                (head, body) -> FileMapper.toListing(orNull(this.calls.codec().decode(body))));
    }

    /** The uid of the cloud folder holding {@code folder}, which uploads and zips name in their URL. */
    static long cloudFolderUid(CteraOperation operation, FileInfo folder, PortalPath path) {
        if (folder.cloudFolder() == null || folder.cloudFolder().uid() < 0) {
            throw new CteraClientErrorException(operation.name(), 0, operation.name() + " failed: '"
                    + path.relative() + "' is not inside a cloud folder; use a folder such as 'My Files/...'", null);
        }
        return folder.cloudFolder().uid();
    }

    private static XmlValue orNull(@Nullable XmlValue value) {
        return (value != null) ? value : XmlNull.INSTANCE;
    }
}
