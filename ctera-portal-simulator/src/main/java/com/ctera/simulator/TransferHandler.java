package com.ctera.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.ctera.simulator.xml.MalformedXmlException;
import com.ctera.simulator.xml.XmlList;
import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlReader;
import com.ctera.simulator.xml.XmlText;
import com.ctera.simulator.xml.XmlValue;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * File bodies in and out (protocol §5.4.4–§5.4.6), streamed both ways: multipart uploads are read buffer by buffer
 * ({@link MultipartReader}) and their file bytes written straight to disk, downloads are served from disk (zero-copy
 * where the transport allows), zip downloads are written entry by entry. Requests go through the same journal,
 * faults and authentication as the XML API.
 */
final class TransferHandler {

    private static final MediaType OCTET_STREAM = MediaType.APPLICATION_OCTET_STREAM;

    /** Body buffers an upload may have read ahead of its disk writes (Netty reads at most 64 KiB at a time). */
    private static final int UPLOAD_PREFETCH = 32;

    private final PortalHandler portal;
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final AnswerWriter writer;
    private final SimulatorState state;
    private final FileStore store;
    private final LogStore logs;

    TransferHandler(PortalHandler portal, FaultInjector faults, RequestJournal journal, AnswerWriter writer,
            SimulatorState state, FileStore store, LogStore logs) {
        this.portal = portal;
        this.faults = faults;
        this.journal = journal;
        this.writer = writer;
        this.state = state;
        this.store = store;
        this.logs = logs;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
            .POST("/{ctx}/upload/folders/{uid}", request -> guarded(request, "files.upload", this::upload))
            .GET("/{ctx}/webdav/**", request -> guarded(request, "files.download", this::download))
            .POST("/{ctx}/folders/folders/{uid}", request -> guarded(request, "files.zip", this::zip))
            .build();
    }

    /** What a transfer produced: an XML answer, or a streamed body. */
    private record Result(@Nullable PortalAnswer answer, @Nullable Streamed streamed) {

        static Result of(PortalAnswer answer) {
            return new Result(answer, null);
        }

        boolean success() {
            return (this.answer != null) ? this.answer.success() : true;
        }
    }

    /** A streamed body; {@code file} set for a whole file from disk, {@code body} otherwise. */
    private record Streamed(MediaType type, @Nullable Path file, long length, @Nullable Flux<DataBuffer> body,
            @Nullable String attachmentName, @Nullable String etag, @Nullable ByteRange range) {

        Streamed(MediaType type, @Nullable Path file, long length, @Nullable Flux<DataBuffer> body,
                @Nullable String attachmentName) {
            this(type, file, length, body, attachmentName, null, null);
        }
    }

    private Mono<ServerResponse> guarded(ServerRequest request, String operation,
            BiFunction<ServerRequest, Session, Mono<Result>> action) {
        String path = request.requestPath().value();
        this.journal.received(operation);
        if (!this.faults.admit()) {
            return this.writer.write(PortalAnswer.retryLater(429, 1, "Request rate ceiling exceeded"));
        }
        String sessionId = PortalHandler.sessionId(request);
        FaultRule fault = this.faults.take(operation, path);
        if (fault != null && fault.preventsProcessing()) {
            return this.writer.refuse(request, fault, sessionId);
        }
        PortalContext context = PortalContext.fromSegment(request.pathVariable("ctx"));
        if (context == null) {
            return this.writer.deliver(request, PortalAnswer.notFound(), fault);
        }
        PortalHandler.Authentication authentication = this.portal.authenticate(request, context, sessionId);
        if (authentication.refusal() != null || authentication.session() == null) {
            return this.writer.deliver(request, authentication.refusal(), fault);
        }
        Session session = authentication.session();
        if (fault != null && fault.action() == FaultRule.Action.EXPIRE_SESSION_MID_TRANSFER
                && "files.upload".equals(operation)) {
            return expireMidUpload(request);
        }
        return Mono.defer(() -> action.apply(request, session))
            .onErrorResume(BadRequestException.class,
                    ex -> Mono.just(Result.of(PortalAnswer.message(400, ex.getMessage()))))
            .flatMap(result -> {
                this.journal.processed(operation, result.success());
                if (result.answer() != null) {
                    return this.writer.deliver(request, result.answer(), fault);
                }
                return deliverStream(request, result.streamed(), fault);
            });
    }

    private Mono<ServerResponse> deliverStream(ServerRequest request, Streamed streamed, @Nullable FaultRule fault) {
        if (fault != null) {
            switch (fault.action()) {
                case DELAY -> {
                    return Mono.delay(fault.duration()).then(Mono.defer(() -> write(request, streamed, null)));
                }
                case CONNECTION_RESET -> {
                    return AnswerWriter.reset(request);
                }
                case STATUS, TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE -> {
                    return this.writer.write(AnswerWriter.failure(fault));
                }
                case TRUNCATED_BODY -> {
                    return write(request, streamed, Duration.ZERO);
                }
                case STALLED_BODY -> {
                    return write(request, streamed, fault.duration());
                }
                case EXPIRE_SESSION_MID_TRANSFER -> {
                    this.writer.expire(request);
                    return write(request, streamed, Duration.ZERO);
                }
                default -> {
                    return write(request, streamed, null);
                }
            }
        }
        return write(request, streamed, null);
    }

    // A cut (truncation, or a stall of that long before it) sends half of the body and closes the connection.
    private Mono<ServerResponse> write(ServerRequest request, Streamed streamed, @Nullable Duration cut) {
        boolean truncated = cut != null;
        ByteRange range = streamed.range();
        ServerResponse.BodyBuilder builder = ((range != null) ? ServerResponse.status(206) : ServerResponse.ok())
            .contentType(streamed.type());
        if (streamed.attachmentName() != null) {
            builder.header("Content-Disposition", ContentDisposition.attachment()
                .filename(streamed.attachmentName(), StandardCharsets.UTF_8).build().toString());
        }
        if (streamed.etag() != null) {
            builder.header("ETag", streamed.etag()).header("Accept-Ranges", "bytes");
        }
        if (range != null) {
            builder.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + streamed.length());
        }
        long length = (range != null) ? range.length() : streamed.length();
        // Spring's resource writer would answer a Range header itself; the simulator decides ranges on its own.
        if (streamed.file() != null && !truncated && request.headers().firstHeader("Range") == null) {
            return builder.body(BodyInserters.fromResource(new FileSystemResource(streamed.file())));
        }
        Flux<DataBuffer> body = (streamed.file() != null) ? fileBody(streamed.file(), range) : streamed.body();
        if (truncated) {
            long half = Math.max(0, length / 2);
            builder.contentLength(Math.max(1, length));
            Flux<DataBuffer> head = DataBufferUtils.takeUntilByteCount(body, half);
            // Announce the whole length, send half, then close: the client sees a body cut short.
            return builder.body((message, context) -> message.writeWith(Flux.concat(head, AnswerWriter.stalled(cut)))
                .then(AnswerWriter.closeConnection(request, false)));
        }
        if (length >= 0) {
            builder.contentLength(length);
        }
        return builder.body(BodyInserters.fromDataBuffers(body));
    }

    private static Flux<DataBuffer> fileBody(Path file, @Nullable ByteRange range) {
        if (range == null) {
            return DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, 64 * 1024);
        }
        return DataBufferUtils.takeUntilByteCount(DataBufferUtils.readByteChannel(
                () -> FileChannel.open(file, StandardOpenOption.READ).position(range.first()),
                DefaultDataBufferFactory.sharedInstance, 64 * 1024), range.length());
    }

    /**
     * Reads half of the announced body (at least one buffer), invalidates the session, answers the expiry redirect
     * and closes the connection: the session ran out while the body was on its way. Nothing is stored.
     */
    private Mono<ServerResponse> expireMidUpload(ServerRequest request) {
        long half = Math.max(1, request.headers().contentLength().orElse(2) / 2);
        AtomicLong read = new AtomicLong();
        return request.body(BodyExtractors.toDataBuffers())
            .map(buffer -> {
                long total = read.addAndGet(buffer.readableByteCount());
                DataBufferUtils.release(buffer);
                return total;
            })
            .takeUntil(total -> total >= half)
            .then(Mono.fromRunnable(() -> this.writer.expire(request)))
            .then(Mono.defer(() -> ServerResponse.status(302).header("Location", PortalAnswer.LOGIN_PAGE)
                .build((exchange, context) -> exchange.getResponse().setComplete()
                    .then(AnswerWriter.closeConnection(request, false)))));
    }

    // ---- upload -------------------------------------------------------------------------------------------------

    private Mono<Result> upload(ServerRequest request, Session session) {
        PortalContext context = PortalContext.fromSegment(request.pathVariable("ctx"));
        long folderUid = parseUid(request.pathVariable("uid"));
        Viewer viewer = viewer(session);
        String ip = PortalHandler.clientIp(request);
        String boundary = MultipartReader.boundary(request.headers().contentType().orElse(null));
        if (boundary == null) {
            throw new BadRequestException("An upload must be a multipart/form-data body with a boundary");
        }
        UploadState upload = new UploadState(context, viewer, folderUid);
        MultipartReader reader = new MultipartReader(boundary, upload);
        // Off the event loop, in order, on one worker that takes whatever has arrived in one go while the event loop
        // reads on: a thread hop per buffer would cost more than parsing it.
        return request.body(BodyExtractors.toDataBuffers())
            .publishOn(Schedulers.boundedElastic(), UPLOAD_PREFETCH)
            .doOnNext(buffer -> read(reader, buffer))
            .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
            .then(Mono.fromCallable(() -> {
                reader.finish();
                return Result.of(finishUpload(upload, viewer, ip));
            }))
            .doFinally(signal -> upload.abandon());
    }

    /** Reads one buffer of an upload's body and releases it. */
    private static void read(MultipartReader reader, DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
            while (buffers.hasNext()) {
                reader.read(buffers.next());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot store the upload", ex);
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** Per-request upload progress, fed by the multipart reader: the form fields so far and where the file goes. */
    private final class UploadState implements MultipartReader.Parts {

        private final Map<String, String> fields = new HashMap<>();
        private final @Nullable PortalContext context;
        private final Viewer viewer;
        private final long folderUid;
        private @Nullable String refusal;
        private FileStore.@Nullable UploadTarget target;
        private @Nullable Path blob;
        private @Nullable FileChannel channel;
        private boolean fileSeen;
        private boolean committed;

        UploadState(@Nullable PortalContext context, Viewer viewer, long folderUid) {
            this.context = context;
            this.viewer = viewer;
            this.folderUid = folderUid;
        }

        @Override
        public void field(String name, String value) {
            this.fields.put(name, value);
        }

        @Override
        public void fileStarted(String name) {
            startFile(this, this.context, this.viewer, this.folderUid);
        }

        @Override
        public void fileBytes(ByteBuffer bytes) throws IOException {
            FileChannel open = this.channel;
            if (open == null || this.refusal != null) {
                return;
            }
            while (bytes.hasRemaining()) {
                open.write(bytes);
            }
        }

        @Override
        public void fileEnded() {
            closeQuietly();
        }

        void closeQuietly() {
            FileChannel open = this.channel;
            this.channel = null;
            if (open != null) {
                try {
                    open.close();
                }
                catch (IOException ex) {
                    // Nothing more will be written; a failed close leaves at most a partial body behind.
                }
            }
        }

        /** Closes the body file and, unless the store took it, deletes it (a malformed or cut-off upload). */
        void abandon() {
            closeQuietly();
            Path written = this.blob;
            if (!this.committed && written != null) {
                BlobStore.deleteQuietly(written);
            }
        }
    }

    /** Checks the destination and quota when the file part begins, and opens its body file if all is well. */
    private void startFile(UploadState upload, @Nullable PortalContext context, Viewer viewer, long folderUid) {
        if (upload.fileSeen) {
            upload.refusal = "Only one file per upload";
            return;
        }
        upload.fileSeen = true;
        String fullpath = upload.fields.get("fullpath");
        if (context == null || fullpath == null) {
            upload.refusal = "fullpath must come before the file part";
            return;
        }
        List<String> segments = WebdavPath.segments(context, fullpath);
        Object target = (segments != null) ? this.store.uploadTarget(viewer, folderUid, segments)
                : "DestinationNotExists";
        if (target instanceof String refusal) {
            upload.refusal = refusal;
            return;
        }
        FileStore.UploadTarget destination = (FileStore.UploadTarget) target;
        String quota = quotaProblem(destination, Math.max(0, parseSize(upload.fields.get("fileSize"))));
        if (quota != null) {
            upload.refusal = quota;
            return;
        }
        Path blob = this.store.blobs().newBlob();
        try {
            upload.channel = FileChannel.open(blob, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot store the upload", ex);
        }
        upload.target = destination;
        upload.blob = blob;
    }

    private PortalAnswer finishUpload(UploadState upload, Viewer viewer, String ip) throws IOException {
        upload.closeQuietly();
        if (upload.refusal != null || upload.target == null || upload.blob == null) {
            if (upload.blob != null) {
                BlobStore.deleteQuietly(upload.blob);
            }
            String msg = (upload.refusal != null) ? upload.refusal : "No file part in the upload";
            return uploadAnswer(1, msg);
        }
        long size = Files.size(upload.blob);
        String quota = quotaProblem(upload.target, size);
        if (quota != null) {
            BlobStore.deleteQuietly(upload.blob);
            return uploadAnswer(1, quota);
        }
        FileNode node = this.store.commitUpload(upload.target, upload.blob, size);
        upload.committed = true;
        String path = String.join("/", this.store.locked(() -> this.store.segmentsOf(viewer, node.cloudFolder(),
                node.innerPath())));
        this.logs.log(viewer.tenant(), "audit", "info", "FileUpload", "Uploaded " + path, viewer.username(), ip,
                "upload", "success", path);
        return uploadAnswer(0, "OK");
    }

    /** The owner's quota, then the tenant's: the §3.2 message, or null when the bytes fit. */
    private @Nullable String quotaProblem(FileStore.UploadTarget target, long incoming) {
        CloudFolder folder = target.folder();
        FileNode existing = this.store.locked(() -> target.parent().children().get(target.name()));
        long replaced = (existing != null) ? this.store.locked(existing::size) : 0;
        long used = this.store.usage(folder.tenant(), folder.owner()) - replaced;
        if (used + incoming > folder.quotaBytes()) {
            return "User is out of quota";
        }
        long portalUsed = 0;
        for (CloudFolder any : this.store.folders(folder.tenant())) {
            portalUsed += this.store.folderStats(any)[0];
        }
        return (portalUsed - replaced + incoming > StatisticsApi.PORTAL_QUOTA_BYTES) ? "Portal is out of quota" : null;
    }

    private static PortalAnswer uploadAnswer(int rc, String msg) {
        return PortalAnswer.ok(XmlObj.plain().put("rc", Integer.toString(rc)).put("msg", msg));
    }

    // ---- download -----------------------------------------------------------------------------------------------

    private Mono<Result> download(ServerRequest request, Session session) {
        PortalContext context = PortalContext.fromSegment(request.pathVariable("ctx"));
        Viewer viewer = viewer(session);
        List<String> segments = (context != null) ? WebdavPath.segments(context, request.requestPath().value())
                : null;
        Resource resource = (segments != null) ? this.store.resolve(viewer, segments, false) : null;
        if (resource == null) {
            return Mono.just(Result.of(PortalAnswer.notFound()));
        }
        FileVersion body = resource.body();
        if (body == null) {
            return Mono.just(Result.of(PortalAnswer.message(400,
                    "A folder cannot be downloaded as a file; use the zip download")));
        }
        String path = String.join("/", segments);
        this.logs.log(viewer.tenant(), "audit", "info", "FileDownload", "Downloaded " + path, viewer.username(),
                PortalHandler.clientIp(request), "download", "success", path);
        // Ranges as HTTP has them (RFC 9110 §14): one range per request, If-Range against the version's tag.
        String etag = "\"" + body.number() + "-" + body.size() + "-"
                + Integer.toHexString(body.blob().getFileName().toString().hashCode()) + "\"";
        ByteRange.Outcome range = ByteRange.resolve(request.headers().firstHeader("Range"),
                request.headers().firstHeader("If-Range"), etag, body.size());
        if (range instanceof ByteRange.Unsatisfiable) {
            return Mono.just(Result.of(PortalAnswer.unsatisfiableRange(body.size())));
        }
        return Mono.just(new Result(null, new Streamed(OCTET_STREAM, body.blob(), body.size(), null, null, etag,
                (range instanceof ByteRange.Part part) ? part.range() : null)));
    }

    // ---- zip ----------------------------------------------------------------------------------------------------

    private Mono<Result> zip(ServerRequest request, Session session) {
        PortalContext context = PortalContext.fromSegment(request.pathVariable("ctx"));
        long folderUid = parseUid(request.pathVariable("uid"));
        Viewer viewer = viewer(session);
        String ip = PortalHandler.clientIp(request);
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map(bytes -> {
            String inputXml = FormBody.parse(bytes).get("inputXML");
            if (inputXml == null || context == null) {
                throw new BadRequestException("The zip download needs the form field inputXML");
            }
            XmlValue input;
            try {
                input = new XmlReader().read(inputXml.getBytes(StandardCharsets.UTF_8));
            }
            catch (MalformedXmlException ex) {
                throw new BadRequestException("inputXML is not valid: " + ex.getMessage());
            }
            if (!(input instanceof XmlObj obj) || !(obj.get("paths") instanceof XmlList paths)
                    || paths.items().isEmpty()) {
                throw new BadRequestException("inputXML must hold a non-empty paths list");
            }
            List<ZipItem> items = new ArrayList<>();
            String archiveName = null;
            for (XmlValue value : paths.items()) {
                if (!(value instanceof XmlText text)) {
                    throw new BadRequestException("paths must hold path values");
                }
                List<String> segments = WebdavPath.segments(context, text.text());
                Resource resource = (segments != null) ? this.store.resolve(viewer, segments, false) : null;
                if (resource == null || resource.cloud() == null || resource.cloud().uid() != folderUid) {
                    return Result.of(PortalAnswer.notFound());
                }
                if (archiveName == null) {
                    archiveName = (paths.items().size() == 1) ? resource.name()
                            : resource.segments().get(Math.max(0, resource.segments().size() - 2));
                }
                collect(viewer, resource, resource.name(), items);
            }
            String path = String.join(", ", items.stream().limit(1).map(ZipItem::name).toList());
            this.logs.log(viewer.tenant(), "audit", "info", "FolderDownload", "Downloaded zip of " + path,
                    viewer.username(), ip, "download", "success", path);
            Flux<DataBuffer> body = Flux.from(DataBufferUtils.outputStreamPublisher(out -> writeZip(out, items),
                    DefaultDataBufferFactory.sharedInstance, task -> Schedulers.boundedElastic().schedule(task)));
            return new Result(null, new Streamed(MediaType.parseMediaType("application/zip"), null, -1, body,
                    archiveName + ".zip"));
        });
    }

    /** One zip entry: a folder (no blob, name ends with {@code /}) or a file with its body. */
    private record ZipItem(String name, @Nullable Path blob) {
    }

    private void collect(Viewer viewer, Resource resource, String name, List<ZipItem> items) {
        if (!resource.folder()) {
            FileVersion body = resource.body();
            items.add(new ZipItem(name, (body != null) ? body.blob() : null));
            return;
        }
        items.add(new ZipItem(name + "/", null));
        for (Resource child : this.store.children(viewer, resource, false)) {
            collect(viewer, child, name + "/" + child.name(), items);
        }
    }

    private static void writeZip(OutputStream out, List<ZipItem> items) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipItem item : items) {
                zip.putNextEntry(new ZipEntry(item.name()));
                if (item.blob() != null) {
                    Files.copy(item.blob(), zip);
                }
                zip.closeEntry();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Viewer viewer(Session session) {
        return Viewer.of(session, this.state.defaultTenant());
    }

    private static long parseUid(String text) {
        try {
            return Long.parseLong(text);
        }
        catch (NumberFormatException ex) {
            throw new BadRequestException("The cloud folder uid must be a number, was " + text);
        }
    }

    private static long parseSize(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new BadRequestException("fileSize must be a whole number of bytes, was " + text);
        }
    }
}
