package com.ctera.client.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.netty.buffer.ByteBufAllocator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraPage;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.PortalContext;
import com.ctera.client.protocol.MalformedXmlException;
import com.ctera.client.protocol.Paging;
import com.ctera.client.protocol.TaskRef;
import com.ctera.client.protocol.XmlList;
import com.ctera.client.protocol.XmlNull;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.session.PortalCalls;
import com.ctera.client.tasks.PendingTask;
import com.ctera.client.transport.ApiRequest;
import com.ctera.client.transport.BufferResponseReader;
import com.ctera.client.transport.MultipartUpload;
import com.ctera.client.transport.ResponseReader;
import com.ctera.client.transport.TransferMeter;
import com.ctera.client.transport.XmlResponses;

/**
 * Cloud Drive files in reactive form (protocol §5.4); nothing is sent until subscription. Transfers stream in
 * buffers of {@value #CHUNK_SIZE} bytes, so memory stays the same whatever the file's size. Paths are written as
 * users see them, such as {@code My Files/docs/a.txt}.
 */
public final class ReactiveCloudFiles {

    /** Size of the buffers that carry file content. */
    public static final int CHUNK_SIZE = 64 * 1024;

    private static final Logger logger = LoggerFactory.getLogger(ReactiveCloudFiles.class);

    // The SDK refuses these characters in names before sending anything (cio/core/commands.py).
    private static final String FORBIDDEN_NAME_CHARACTERS = "\\/:?&<>\"|";

    private static final Executor BLOCKING = task -> Schedulers.boundedElastic().schedule(task);

    // A file being uploaded is read into Netty's pooled direct buffers, which the connection writes as they are. Heap
    // buffers cost two copies per byte (into a fresh heap buffer for Netty, then into a direct one for the socket)
    // and 128 MiB of garbage per 128 MiB sent (docs/benchmarks.md, "Transfers against curl").
    private static final DataBufferFactory FILE_BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    private final PortalCalls calls;

    private final PortalContext context;

    private final UploadFolders uploadFolders = new UploadFolders(System::nanoTime);

    /** Created by {@code CteraPortal}. */
    public ReactiveCloudFiles(PortalCalls calls) {
        this.calls = calls;
        this.context = calls.endpoint().context();
    }

    // ---- metadata -------------------------------------------------------------------------------------------------

    /** The file or folder at the path; fails with {@code CteraNotFoundException} when there is none. */
    public Mono<FileInfo> stat(String path) {
        return Mono.defer(() -> stat(PortalPath.of(path)));
    }

    /** The items of a folder, fetched page by page as the subscriber asks; see {@link #list(String, ListOptions)}. */
    public Flux<FileInfo> list(String folder) {
        return list(folder, ListOptions.defaults());
    }

    /**
     * The items of a folder. Like the SDK, first stats the folder (depth 0), then lists it (depth 1) a page at a
     * time, {@code start += limit} while the portal answers {@code hasMore} (protocol §4.3).
     */
    public Flux<FileInfo> list(String folder, ListOptions options) {
        return Flux.defer(() -> {
            PortalPath path = PortalPath.of(folder);
            return requireFolder(CteraOperation.FILES_FETCH_RESOURCES, path)
                    .thenMany(children(path, options));
        });
    }

    /**
     * Every item below the folder, breadth first, listing each subfolder only when the subscriber gets to it.
     * Subfolders that vanish or may not be read while walking are logged and skipped, as the SDK does.
     */
    public Flux<FileInfo> walk(String folder) {
        return list(folder).expand(item -> item.folder() ? children(PortalPath.of(item.path()), ListOptions.defaults())
                .onErrorResume(error -> error instanceof CteraNotFoundException
                        || error instanceof CteraAccessDeniedException, error -> {
                            logger.debug("Skipping '{}' while walking: {}", item.path(), error.getMessage());
                            return Flux.empty();
                        }) : Flux.empty());
    }

    /** The versions (snapshots) of a file or folder, newest as the portal orders them. */
    public Flux<FileVersion> versions(String path) {
        return Mono.defer(() -> {
            PortalPath target = PortalPath.of(path);
            return this.calls.execute(CteraOperation.FILES_LIST_SNAPSHOTS, "listSnapshots",
                    new XmlText(target.href(this.context)));
        }).flatMapIterable(FileMapper::toVersions);
    }

    // ---- folders --------------------------------------------------------------------------------------------------

    /**
     * Creates one folder; its parent must exist.
     * @return fails with {@code CteraConflictException} when the name is taken, {@code CteraNotFoundException}
     * when the parent is missing, {@code CteraAccessDeniedException} without permission
     */
    public Mono<Void> mkdir(String path) {
        return Mono.defer(() -> makeCollection(PortalPath.of(path)));
    }

    /** Creates a folder and every missing parent; folders that exist already are fine. */
    public Mono<Void> mkdirs(String path) {
        return Mono.defer(() -> Flux.fromIterable(PortalPath.of(path).prefixes())
                .concatMap(prefix -> makeCollection(prefix)
                        .onErrorResume(CteraConflictException.class, exists -> Mono.empty())
                        // Top-level folders (a cloud folder such as "My Files") exist but may not be created.
                        .onErrorResume(CteraAccessDeniedException.class, refused -> stat(prefix)
                                .onErrorResume(CteraNotFoundException.class, missing -> Mono.error(refused))
                                .flatMap(info -> info.folder() ? Mono.<Void>empty() : Mono.error(refused))))
                .then());
    }

    // ---- upload ---------------------------------------------------------------------------------------------------

    /** Uploads a local file into a portal folder, keeping its name. */
    public Mono<String> upload(Path file, String folder) {
        return upload(file, folder, TransferListener.NONE);
    }

    /**
     * Uploads a local file into a portal folder, keeping its name, streaming it from disk.
     * @return the uploaded file's portal path
     */
    public Mono<String> upload(Path file, String folder, TransferListener listener) {
        return onBlockingThread(() -> LocalContent.of(file))
                .onErrorMap(IOException.class, ex -> new UncheckedIOException("cannot read " + file, ex))
                .flatMap(local -> send(local.buffers(), local.size(), folder, file.getFileName().toString(),
                        file.getFileName().toString(), listener));
    }

    /**
     * Uploads a stream of unknown length as {@code folder/name}. The upload form declares the size before the
     * bytes, so the stream is first copied to a temporary file (constant memory, deleted afterwards), which also lets
     * a repeated attempt send the same bytes again. The stream is read but not closed.
     * @return the uploaded file's portal path
     */
    public Mono<String> upload(InputStream content, String folder, String name, TransferListener listener) {
        return spooled(temp -> Mono.fromCallable(() -> {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            return temp;
        }), folder, name, listener);
    }

    /**
     * Uploads bytes of a known length as {@code folder/name}, streaming them as they come. The publisher is
     * subscribed once per attempt (again if the session must be renewed), so give a cold one that can be read again.
     * @param size the exact number of bytes the publisher delivers
     */
    public Mono<String> upload(Flux<DataBuffer> content, long size, String folder, String name,
            TransferListener listener) {
        if (size < 0) {
            return Mono.error(new IllegalArgumentException("size must not be negative, was " + size));
        }
        return send(content, size, folder, name, "file", listener);
    }

    /**
     * Uploads bytes of unknown length as {@code folder/name}: they are first copied to a temporary file (constant
     * memory, deleted afterwards) because the upload form declares the size before the bytes.
     */
    public Mono<String> upload(Flux<DataBuffer> content, String folder, String name, TransferListener listener) {
        return spooled(temp -> DataBufferUtils.write(content, temp).thenReturn(temp), folder, name, listener);
    }

    // ---- download -------------------------------------------------------------------------------------------------

    /**
     * Downloads a file into a local file or directory (then named as on the portal). The bytes go to a temporary file
     * next to the target, renamed over it once complete, so a failed download never leaves a partial target. The stat
     * that refuses a folder is sent together with the download itself, which is cancelled if the path is a folder.
     * @return the local file written
     */
    public Mono<Path> download(String path, Path target, TransferListener listener) {
        return Mono.defer(() -> {
            PortalPath source = PortalPath.of(path);
            Path destination = Files.isDirectory(target) ? target.resolve(source.name()) : target;
            return toLocalFile(destination, file -> downloadInto(source, file, listener));
        });
    }

    /**
     * Streams a file's bytes into {@code out}, which is written on a worker thread and not closed.
     * @return the number of bytes written
     */
    public Mono<Long> download(String path, OutputStream out, TransferListener listener) {
        return Mono.defer(() -> {
            PortalPath source = PortalPath.of(path);
            return stat(source).flatMap(info -> {
                if (info.folder()) {
                    return Mono.error(InBandErrors.notAFile(CteraOperation.FILES_DOWNLOAD.name(), source.relative()));
                }
                URI uri = URI.create(this.calls.endpoint().baseUrl() + source.href(this.context));
                return transferIn(ApiRequest.get(CteraOperation.FILES_DOWNLOAD, uri), source.relative(), info.size(),
                        out, listener);
            });
        });
    }

    /**
     * A file's bytes as a stream of buffers, fetched as the subscriber consumes them (a slow subscriber slows the
     * download; it does not fill memory). Each buffer must be released by the subscriber.
     */
    public Flux<DataBuffer> download(String path, TransferListener listener) {
        return Flux.deferContextual(context -> Flux.from(DataBufferUtils.outputStreamPublisher(
                out -> download(path, out, listener).contextWrite(context).block(),
                DefaultDataBufferFactory.sharedInstance, BLOCKING, CHUNK_SIZE)));
    }

    /** A file's bytes as a stream of buffers; see {@link #download(String, TransferListener)}. */
    public Flux<DataBuffer> download(String path) {
        return download(path, TransferListener.NONE);
    }

    /**
     * Streams a zip of a folder into {@code out} (protocol §5.4.6): the whole folder when {@code children} is empty,
     * else only the named items directly inside it.
     * @return the number of bytes written
     */
    public Mono<Long> downloadZip(String folder, List<String> children, OutputStream out,
            TransferListener listener) {
        return Mono.defer(() -> {
            PortalPath directory = PortalPath.of(folder);
            List<String> paths = new ArrayList<>();
            if (children.isEmpty()) {
                // The SDK sends a whole folder's path without percent-encoding, and selected children encoded.
                paths.add(directory.unencodedHref(this.context));
            }
            else {
                children.forEach(child -> paths.add(directory.child(child).href(this.context)));
            }
            return requireFolder(CteraOperation.FILES_ZIP, directory).flatMap(info -> {
                long uid = cloudFolderUid(CteraOperation.FILES_ZIP, info, directory);
                XmlObject request = XmlObject.builder()
                        .put("paths", XmlList.ofTexts(paths))
                        .putNull("snapshot")
                        .putNull("password")
                        .putNull("portalName")
                        .put("showDeleted", false)
                        .build();
                ApiRequest form = ApiRequest.form(CteraOperation.FILES_ZIP,
                        this.calls.endpoint().contextPath("folders/folders/" + uid),
                        Map.of("inputXML", this.calls.codec().encodeToString(request)));
                return transferIn(form, directory.relative(), null, out, listener);
            });
        });
    }

    /**
     * Downloads a zip of a folder into a local file, or into a directory as {@code <folder name>.zip}; see
     * {@link #downloadZip(String, List, OutputStream, TransferListener)}.
     */
    public Mono<Path> downloadZip(String folder, List<String> children, Path target, TransferListener listener) {
        return Mono.defer(() -> {
            String name = PortalPath.of(folder).name();
            Path destination = Files.isDirectory(target) ? target.resolve((name.isEmpty() ? "root" : name) + ".zip")
                    : target;
            return throughStream(destination, out -> downloadZip(folder, children, out, listener));
        });
    }

    // ---- background file tasks ------------------------------------------------------------------------------------

    /** Starts deleting items (to the recycle bin); await the returned task with {@code tasks()}. */
    public Mono<PendingTask> delete(List<String> paths) {
        return Mono.defer(() -> action(CteraOperation.FILES_DELETE, "deleteResources", pairs(paths, null), paths));
    }

    /** Starts restoring deleted items from the recycle bin; await the returned task with {@code tasks()}. */
    public Mono<PendingTask> restore(List<String> paths) {
        return Mono.defer(() -> action(CteraOperation.FILES_RESTORE, "restoreResources", pairs(paths, null), paths));
    }

    /** Starts copying items into a folder, keeping their names; await the returned task with {@code tasks()}. */
    public Mono<PendingTask> copy(List<String> paths, String destinationFolder) {
        return Mono.defer(() -> action(CteraOperation.FILES_COPY, "copyResources",
                pairs(paths, PortalPath.of(destinationFolder)), paths));
    }

    /** Starts moving items into a folder, keeping their names; await the returned task with {@code tasks()}. */
    public Mono<PendingTask> move(List<String> paths, String destinationFolder) {
        return Mono.defer(() -> action(CteraOperation.FILES_MOVE, "moveResources",
                pairs(paths, PortalPath.of(destinationFolder)), paths));
    }

    /** Starts renaming an item in its folder (a move, protocol §5.4.7); await the task with {@code tasks()}. */
    public Mono<PendingTask> rename(String path, String newName) {
        return Mono.defer(() -> {
            validateName(newName);
            PortalPath source = PortalPath.of(path);
            PortalPath target = source.parent().child(newName);
            return action(CteraOperation.FILES_MOVE, "moveResources",
                    List.of(new XmlPair(source, target)), List.of(source.relative(), target.relative()));
        });
    }

    // ---- internals ------------------------------------------------------------------------------------------------

    private Mono<FileInfo> stat(PortalPath path) {
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

    private Mono<FileInfo> requireFolder(CteraOperation operation, PortalPath path) {
        return stat(path).map(info -> {
            if (!info.folder()) {
                throw InBandErrors.notAFolder(operation.name(), path.relative());
            }
            return info;
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

    private Mono<Void> makeCollection(PortalPath path) {
        if (path.isRoot()) {
            return Mono.error(new IllegalArgumentException("cannot create the root folder"));
        }
        validateName(path.name());
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

    private Mono<String> spooled(Function<Path, Mono<Path>> fill, String folder, String name,
            TransferListener listener) {
        return Mono.usingWhen(
                Mono.fromCallable(() -> Files.createTempFile("ctera-upload-", ".part"))
                        .subscribeOn(Schedulers.boundedElastic()),
                temp -> fill.apply(temp)
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(written -> Mono.fromCallable(() -> Files.size(written))
                                .flatMap(size -> send(fileBuffers(written),
                                        size, folder, name, "file", listener))),
                temp -> deleteQuietly(temp));
    }

    // The upload URL needs the destination's cloud folder uid, which a stat of the folder gives (§5.4.4). A folder
    // stated by a recent upload is trusted without another stat; if the portal then refuses the upload, the folder is
    // stated again, so a folder that is gone or changed fails as it would have without the shortcut.
    private Mono<String> send(Flux<DataBuffer> content, long size, String folderPath, String name,
            String partFileName, TransferListener listener) {
        return Mono.defer(() -> {
            validateName(name);
            PortalPath folder = PortalPath.of(folderPath);
            PortalPath target = folder.child(name);
            TransferNotifier notifier = new TransferNotifier(listener, target.relative(),
                    TransferProgress.Direction.UPLOAD, size);
            FileInfo known = this.uploadFolders.get(folder);
            Mono<String> sent;
            if (known == null) {
                sent = uploadFolder(folder, target)
                        .flatMap(info -> sendInto(info, content, size, target, partFileName, notifier))
                        .map(outcome -> outcome.accepted(target));
            }
            else {
                sent = sendInto(known, content, size, target, partFileName, notifier)
                        .doOnError(error -> this.uploadFolders.forget(folder))
                        .flatMap(outcome -> (outcome.refusal() == null) ? Mono.just(target.relative())
                                : restated(folder, target, known, outcome, content, size, partFileName, notifier));
            }
            return sent.doOnSuccess(done -> notifier.complete()).doOnError(notifier::failed);
        });
    }

    private Mono<String> restated(PortalPath folder, PortalPath target, FileInfo known, UploadOutcome refused,
            Flux<DataBuffer> content, long size, String partFileName, TransferNotifier notifier) {
        this.uploadFolders.forget(folder);
        return uploadFolder(folder, target).flatMap(fresh -> {
            if (cloudFolderUid(CteraOperation.FILES_UPLOAD, fresh, folder)
                    == cloudFolderUid(CteraOperation.FILES_UPLOAD, known, folder)) {
                // The folder is where it was: the refusal had another cause (quota, policy), so it stands.
                return Mono.fromCallable(() -> refused.accepted(target));
            }
            return sendInto(fresh, content, size, target, partFileName, notifier)
                    .map(outcome -> outcome.accepted(target));
        });
    }

    /** Stats an upload's destination folder, checks that it may be written, and remembers it for a while. */
    private Mono<FileInfo> uploadFolder(PortalPath folder, PortalPath target) {
        String operation = CteraOperation.FILES_UPLOAD.name();
        return requireFolder(CteraOperation.FILES_UPLOAD, folder).map(info -> {
            if (!info.writable()) {
                throw new CteraAccessDeniedException(operation, 0, operation + " failed on '" + target.relative()
                        + "': the folder is " + info.permission() + ", not ReadWrite", null);
            }
            cloudFolderUid(CteraOperation.FILES_UPLOAD, info, folder);
            this.uploadFolders.put(folder, info);
            return info;
        });
    }

    private Mono<UploadOutcome> sendInto(FileInfo folder, Flux<DataBuffer> content, long size, PortalPath target,
            String partFileName, TransferNotifier notifier) {
        String operation = CteraOperation.FILES_UPLOAD.name();
        long uid = cloudFolderUid(CteraOperation.FILES_UPLOAD, folder, target.parent());
        TransferMeter meter = new TransferMeter();
        Flux<DataBuffer> counted = Flux.defer(() -> {
            notifier.initiated();
            return content.doOnNext(buffer -> {
                int bytes = buffer.readableByteCount();
                meter.sent(bytes);
                notifier.transferred(bytes);
            }).concatWith(Mono.defer(() -> (meter.sentBytes() == size) ? Mono.empty()
                    : Mono.error(new CteraClientErrorException(operation, 0, operation + " of '"
                            + target.relative() + "' declared " + size + " bytes but the content had "
                            + meter.sentBytes(), null))));
        });
        List<Map.Entry<String, String>> fields = List.of(
                new AbstractMap.SimpleImmutableEntry<>("name", target.name()),
                new AbstractMap.SimpleImmutableEntry<>("Filename", target.name()),
                new AbstractMap.SimpleImmutableEntry<>("fullpath",
                        this.calls.endpoint().originWithPort() + target.href(this.context)),
                new AbstractMap.SimpleImmutableEntry<>("fileSize", Long.toString(size)));
        ApiRequest request = ApiRequest.multipart(CteraOperation.FILES_UPLOAD,
                this.calls.endpoint().contextPath("upload/folders/" + uid),
                new MultipartUpload(fields, "file", partFileName, counted, size))
                .withTransferMeter(meter);
        return this.calls.call(request, XmlResponses.tree(this.calls.codec()))
                .map(answer -> UploadOutcome.of(answer, target));
    }

    private Mono<Long> transferIn(ApiRequest request, String path, @Nullable Long size, OutputStream out,
            TransferListener listener) {
        TransferNotifier notifier = new TransferNotifier(listener, path, TransferProgress.Direction.DOWNLOAD, size);
        TransferMeter meter = new TransferMeter();
        ResponseReader<Long> copy = (head, body) -> {
            notifier.initiated();
            byte[] buffer = new byte[CHUNK_SIZE];
            long total = 0;
            int read;
            while ((read = body.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                total += read;
                meter.received(read);
                notifier.transferred(read);
            }
            out.flush();
            return total;
        };
        return this.calls.call(request.withTransferMeter(meter), copy)
                .doOnSuccess(total -> notifier.complete())
                .doOnError(notifier::failed);
    }

    // A stat (to refuse a folder) and the GET itself, sent together: a small file then costs one round trip, as it
    // does for curl, instead of two. The GET's outcome waits for the stat's, so a missing file or a folder fails with
    // the stat's error, as when the two were sent one after the other; a folder cancels the GET.
    private Mono<Long> downloadInto(PortalPath source, DownloadFile file, TransferListener listener) {
        String operation = CteraOperation.FILES_DOWNLOAD.name();
        TransferNotifier notifier = new TransferNotifier(listener, source.relative(),
                TransferProgress.Direction.DOWNLOAD, null);
        TransferMeter meter = new TransferMeter();
        Mono<FileInfo> aFile = stat(source).map(info -> {
            if (info.folder()) {
                throw InBandErrors.notAFile(operation, source.relative());
            }
            return info;
        }).cache();
        BufferResponseReader<Long> toFile = (head, body) -> Mono.defer(() -> {
            try {
                file.restart();
            }
            catch (IOException ex) {
                return Mono.error(new UncheckedIOException(ex));
            }
            long announced = head.headers().getContentLength();
            notifier.initiated((announced >= 0) ? announced : null);
            return body.reduce(0L, (total, buffer) -> {
                try {
                    int written = file.write(buffer);
                    meter.received(written);
                    notifier.transferred(written);
                    return total + written;
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }).defaultIfEmpty(0L).map(total -> {
                if (announced >= 0 && total != announced) {
                    throw new CteraProtocolException(operation, head.status(), operation + " of '"
                            + source.relative() + "' announced " + announced + " bytes but sent " + total, null);
                }
                return total;
            });
        });
        URI uri = URI.create(this.calls.endpoint().baseUrl() + source.href(this.context));
        Mono<Long> get = this.calls.call(ApiRequest.get(CteraOperation.FILES_DOWNLOAD, uri).withTransferMeter(meter),
                toFile).onErrorResume(error -> aFile.then(Mono.error(error)));
        return Mono.zip(aFile, get, (info, total) -> total)
                .doOnSuccess(total -> notifier.complete())
                .doOnError(notifier::failed);
    }

    private Mono<Path> toLocalFile(Path destination, Function<DownloadFile, Mono<Long>> writer) {
        return inTemporaryFile(destination, temp -> Mono.using(() -> DownloadFile.open(temp),
                file -> writer.apply(file).then(Mono.fromRunnable(() -> {
                    try {
                        file.finish();
                    }
                    catch (IOException ex) {
                        throw new UncheckedIOException("cannot write " + temp, ex);
                    }
                })), DownloadFile::close));
    }

    private Mono<Path> throughStream(Path destination, Function<OutputStream, Mono<Long>> writer) {
        return inTemporaryFile(destination, temp -> Mono.using(() -> Files.newOutputStream(temp), writer::apply,
                ReactiveCloudFiles::closeQuietly).then());
    }

    // The bytes go to a temporary file next to the destination, renamed over it once complete and deleted otherwise
    // (failure or cancel), so the destination is never left half written.
    private Mono<Path> inTemporaryFile(Path destination, Function<Path, Mono<?>> fill) {
        Path directory = destination.toAbsolutePath().getParent();
        return Mono.usingWhen(
                onBlockingThread(() -> Files.createTempFile(directory, "." + destination.getFileName(), ".part")),
                // The rename is one quick system call, made on the thread that finished the body; once it is done
                // there is nothing left to delete, so success costs no further thread hop.
                temp -> fill.apply(temp).then(Mono.fromCallable(() -> moveIntoPlace(temp, destination))),
                temp -> Mono.empty(),
                (temp, error) -> deleteQuietly(temp),
                temp -> deleteQuietly(temp));
    }

    private static Path moveIntoPlace(Path temp, Path destination) throws IOException {
        try {
            return Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException ex) {
            return Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Mono<PendingTask> action(CteraOperation operation, String name, List<XmlPair> pairs,
            List<String> subjects) {
        if (pairs.isEmpty()) {
            return Mono.error(new IllegalArgumentException(operation.name() + " needs at least one path"));
        }
        List<XmlValue> urls = new ArrayList<>();
        for (XmlPair pair : pairs) {
            urls.add(XmlObject.builder("SrcDstParam")
                    .put("src", pair.source().href(this.context))
                    .put("dest", (pair.destination() != null) ? pair.destination().href(this.context) : null)
                    .build());
        }
        XmlObject param = XmlObject.builder("ActionResourcesParam")
                .put("urls", new XmlList(urls))
                .putNull("startFrom")
                .build();
        List<String> named = subjects.stream().map(subject -> PortalPath.of(subject).relative()).toList();
        if (operation != CteraOperation.FILES_COPY) {
            // Deleting, moving or renaming may take away a folder this client would upload into.
            this.uploadFolders.clear();
        }
        return this.calls.execute(operation, name, param).map(answer -> {
            String text = FileMapper.textOf(answer);
            try {
                if (text == null) {
                    throw new MalformedXmlException("expected a task reference <val>, found another answer");
                }
                return new PendingTask(TaskRef.parse(text), operation.name(), named);
            }
            catch (MalformedXmlException ex) {
                throw new CteraProtocolException(operation.name(), 200, operation.name() + " on " + named
                        + " failed: " + ex.getMessage(), ex);
            }
        });
    }

    private static List<XmlPair> pairs(List<String> paths, @Nullable PortalPath destinationFolder) {
        List<XmlPair> pairs = new ArrayList<>(paths.size());
        for (String path : paths) {
            PortalPath source = PortalPath.of(path);
            pairs.add(new XmlPair(source, (destinationFolder != null) ? destinationFolder.child(source.name()) : null));
        }
        return pairs;
    }

    private static long cloudFolderUid(CteraOperation operation, FileInfo folder, PortalPath path) {
        if (folder.cloudFolder() == null || folder.cloudFolder().uid() < 0) {
            throw new CteraClientErrorException(operation.name(), 0, operation.name() + " failed: '"
                    + path.relative() + "' is not inside a cloud folder; use a folder such as 'My Files/...'", null);
        }
        return folder.cloudFolder().uid();
    }

    static void validateName(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a file or folder name must not be blank");
        }
        for (int i = 0; i < name.length(); i++) {
            if (FORBIDDEN_NAME_CHARACTERS.indexOf(name.charAt(i)) >= 0) {
                throw new IllegalArgumentException("name '" + name + "' contains '" + name.charAt(i)
                        + "'; names cannot contain any of \\ / : ? & < > \" |");
            }
        }
    }

    private static XmlValue orNull(@Nullable XmlValue value) {
        return (value != null) ? value : XmlNull.INSTANCE;
    }

    // Read as the connection asks for more, on the thread that asks (the connection's): a local file answers a 64 KiB
    // read in microseconds, where an asynchronous channel handed every buffer from its own thread to the connection's
    // and back, two thread switches per 64 KiB (docs/benchmarks.md, "Uploads read where they are sent").
    private static Flux<DataBuffer> fileBuffers(Path file) {
        return DataBufferUtils.readByteChannel(() -> FileChannel.open(file, StandardOpenOption.READ), FILE_BUFFERS,
                CHUNK_SIZE);
    }

    // A quick blocking file-system call, made on the subscribing thread when that thread may block (a caller of the
    // blocking API, the common case) and on a worker from a thread that must not (an event loop): a thread hop less
    // per transfer for blocking callers, where a small file's transfer takes about a millisecond.
    private static <T> Mono<T> onBlockingThread(Callable<T> work) {
        return Mono.defer(() -> Schedulers.isInNonBlockingThread()
                ? Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic())
                : Mono.fromCallable(work));
    }

    private static Mono<Void> deleteQuietly(Path path) {
        return Mono.fromRunnable(() -> {
            try {
                Files.deleteIfExists(path);
            }
            catch (IOException ex) {
                logger.debug("Could not delete temporary file {}: {}", path, ex.toString());
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        }
        catch (IOException ex) {
            logger.debug("Closing a download file failed: {}", ex.toString());
        }
    }

    /**
     * A local file's bytes as they will be sent. A file of one buffer or less is read whole on the thread that
     * learns its size, once, however often the upload is repeated; a larger one streams from disk into pooled direct
     * buffers, read as the connection asks for them.
     */
    private record LocalContent(Flux<DataBuffer> buffers, long size) {

        static LocalContent of(Path file) throws IOException {
            long size = Files.size(file);
            if (size > CHUNK_SIZE) {
                return new LocalContent(fileBuffers(file), size);
            }
            byte[] bytes = Files.readAllBytes(file);
            return new LocalContent(Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes))),
                    bytes.length);
        }
    }

    /** A source and its destination (null for delete and restore). */
    private record XmlPair(PortalPath source, @Nullable PortalPath destination) {
    }

    @Override
    public String toString() {
        return "ReactiveCloudFiles[" + this.calls.endpoint().baseUrl() + "]";
    }
}
