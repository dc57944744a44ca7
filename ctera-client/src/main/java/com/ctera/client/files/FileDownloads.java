package com.ctera.client.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraOperation;
import com.ctera.client.PortalContext;
import com.ctera.client.protocol.XmlList;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.session.PortalCalls;
import com.ctera.client.transport.ApiRequest;
import com.ctera.client.transport.BufferResponseReader;
import com.ctera.client.transport.ResponseReader;
import com.ctera.client.transport.TransferMeter;

/**
 * Downloads (protocol §5.4.5, §5.4.6): a file into a local file, a stream or a subscriber, and zips of folders. A
 * file's body goes from the connection to where it is wanted without a thread waiting on it, and a body cut off
 * midway is resumed by the retry ({@link ResumableBody}).
 */
final class FileDownloads {

    private static final String OPERATION = CteraOperation.FILES_DOWNLOAD.name();

    /** Buffers a stream download takes ahead of the thread writing them. */
    private static final int STREAM_PREFETCH = 4;

    private final PortalCalls calls;

    private final PortalContext context;

    private final FileBrowser browser;

    FileDownloads(PortalCalls calls, FileBrowser browser) {
        this.calls = calls;
        this.context = calls.endpoint().context();
        this.browser = browser;
    }

    // A stat (to refuse a folder) and the GET itself, sent together: a small file then costs one round trip, as it
    // does for curl, instead of two. The GET's outcome waits for the stat's, so a missing file or a folder fails with
    // the stat's error, as when the two were sent one after the other; a folder cancels the GET. The part file can be
    // emptied, so a file changed on the portal between two attempts is simply taken again from the start.
    Mono<Path> toPath(String path, Path target, TransferListener listener) {
        return Mono.defer(() -> {
            PortalPath source = PortalPath.of(path);
            Path destination = Files.isDirectory(target) ? target.resolve(source.name()) : target;
            return intoPartFile(destination, file -> {
                TransferNotifier notifier = new TransferNotifier(listener, source.relative(),
                        TransferProgress.Direction.DOWNLOAD, null);
                ResumableBody resumable = new ResumableBody(OPERATION, source.relative(), () -> {
                    try {
                        file.restart();
                    }
                    catch (IOException ex) {
                        throw LocalFiles.unchecked("emptying " + file.path(), ex);
                    }
                });
                Mono<FileInfo> aFile = this.browser.requireFile(CteraOperation.FILES_DOWNLOAD, source).cache();
                Mono<Long> get = get(source, resumable, notifier, body -> body.reduce(0L, (total, buffer) -> {
                    try {
                        return total + file.write(buffer);
                    }
                    catch (IOException ex) {
                        throw LocalFiles.unchecked("writing " + file.path(), ex);
                    }
                })).onErrorResume(error -> aFile.then(Mono.error(error)));
                return notified(Mono.zip(aFile, get, (info, total) -> total), notifier);
            });
        });
    }

    // The stat comes first here: bytes handed to the subscriber cannot be taken back if the path were a folder.
    Flux<DataBuffer> toBuffers(String path, TransferListener listener) {
        return Flux.<DataBuffer>create(sink -> {
            BodyRelay relay = new BodyRelay(sink);
            sink.onDispose(Mono.defer(() -> {
                PortalPath source = PortalPath.of(path);
                return this.browser.requireFile(CteraOperation.FILES_DOWNLOAD, source).flatMap(info -> {
                    TransferNotifier notifier = new TransferNotifier(listener, source.relative(),
                            TransferProgress.Direction.DOWNLOAD, info.size());
                    ResumableBody resumable = new ResumableBody(OPERATION, source.relative(), null);
                    return notified(get(source, resumable, notifier, relay::relay), notifier);
                });
            }).contextWrite(sink.contextView()).subscribe(total -> { }, sink::error, sink::complete));
        }).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
    }

    // An OutputStream may block, so it is written on a worker, a few buffers behind the connection.
    Mono<Long> toStream(String path, OutputStream out, TransferListener listener) {
        return toBuffers(path, listener)
                .publishOn(Schedulers.boundedElastic(), STREAM_PREFETCH)
                .reduce(0L, (total, buffer) -> total + writeTo(out, buffer))
                .flatMap(total -> {
                    try {
                        out.flush();
                        return Mono.just(total);
                    }
                    catch (IOException ex) {
                        return Mono.error(LocalFiles.unchecked("writing the download of '" + path + "'", ex));
                    }
                })
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
    }

    Mono<Long> zipToStream(String folder, List<String> children, OutputStream out, TransferListener listener) {
        AtomicLong written = new AtomicLong();
        return zip(folder, children, listener, new ZipSink() {
            @Override
            public void startAttempt(String what) {
                if (written.get() > 0) {
                    // A zip is built anew for each request and cannot be resumed; what the stream has is final.
                    throw new CteraClientErrorException(CteraOperation.FILES_ZIP.name(), 0, what + " failed: the "
                            + "answer was cut off after " + written.get() + " bytes had been written to the stream, "
                            + "which cannot be taken back; download the zip to a Path to have it retried", null);
                }
            }

            @Override
            public void write(byte[] bytes, int count) throws IOException {
                out.write(bytes, 0, count);
                written.addAndGet(count);
            }

            @Override
            public void finish() throws IOException {
                out.flush();
            }
        });
    }

    Mono<Path> zipToPath(String folder, List<String> children, Path target, TransferListener listener) {
        return Mono.defer(() -> {
            String name = PortalPath.of(folder).name();
            Path destination = Files.isDirectory(target) ? target.resolve((name.isEmpty() ? "root" : name) + ".zip")
                    : target;
            return intoPartFile(destination, file -> zip(folder, children, listener, new ZipSink() {
                @Override
                public void startAttempt(String what) throws IOException {
                    file.restart();
                }

                @Override
                public void write(byte[] bytes, int count) throws IOException {
                    file.write(bytes, 0, count);
                }

                @Override
                public void finish() {
                }
            }));
        });
    }

    /**
     * Streams a zip of a folder (protocol §5.4.6): the whole folder when {@code children} is empty, else only the
     * named items directly inside it.
     */
    private Mono<Long> zip(String folder, List<String> children, TransferListener listener, ZipSink sink) {
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
            return this.browser.requireFolder(CteraOperation.FILES_ZIP, directory).flatMap(info -> {
                long uid = FileBrowser.cloudFolderUid(CteraOperation.FILES_ZIP, info, directory);
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
                return streamed(form, directory.relative(), sink, listener);
            });
        });
    }

    // The zip's answer is read as a stream on a worker: its writes (to a caller's stream) may block.
    private Mono<Long> streamed(ApiRequest request, String path, ZipSink sink, TransferListener listener) {
        TransferNotifier notifier = new TransferNotifier(listener, path, TransferProgress.Direction.DOWNLOAD, null);
        TransferMeter meter = new TransferMeter();
        ResponseReader<Long> copy = (head, body) -> {
            sink.startAttempt(request.operation().name() + " of '" + path + "'");
            notifier.initiated();
            byte[] buffer = new byte[ReactiveCloudFiles.CHUNK_SIZE];
            long total = 0;
            int read;
            while ((read = body.read(buffer)) >= 0) {
                sink.write(buffer, read);
                total += read;
                meter.received(read);
                notifier.transferred(read);
            }
            sink.finish();
            return total;
        };
        return notified(this.calls.call(request.withTransferMeter(meter), copy), notifier);
    }

    /** One GET of a file; each attempt hands {@code consume} the bytes that earlier attempts did not deliver. */
    private <T> Mono<T> get(PortalPath source, ResumableBody resumable, TransferNotifier notifier,
            Function<Flux<DataBuffer>, Mono<T>> consume) {
        TransferMeter meter = new TransferMeter();
        BufferResponseReader<T> reader = (head, body) -> Mono.defer(() -> {
            Flux<DataBuffer> rest = resumable.rest(head, body);
            if (resumable.delivered() == 0) {
                notifier.initiated(resumable.total());
            }
            return consume.apply(rest.doOnNext(buffer -> {
                int count = buffer.readableByteCount();
                meter.received(count);
                notifier.transferred(count);
            }));
        });
        URI uri = URI.create(this.calls.endpoint().baseUrl() + source.href(this.context));
        ApiRequest request = ApiRequest.get(CteraOperation.FILES_DOWNLOAD, uri)
                .withTransferMeter(meter)
                .withAttemptHeaders(resumable::applyTo);
        return this.calls.call(request, reader);
    }

    // The bytes go to a part file next to the destination, renamed over it once complete and deleted otherwise
    // (failure or cancel), so the destination is never left half written.
    private Mono<Path> intoPartFile(Path destination, Function<DownloadFile, Mono<?>> fill) {
        return Mono.usingWhen(
                LocalFiles.onBlockingThread("creating a part file next to " + destination,
                        () -> DownloadFile.createFor(destination)),
                // The rename is a quick system call or two, made on the thread that finished the body; once it is
                // done there is nothing left to delete, so success costs no further thread hop.
                file -> fill.apply(file).then(Mono.fromCallable(() -> file.moveTo(destination))
                        .onErrorMap(IOException.class, ex -> LocalFiles.unchecked("moving " + file.path()
                                + " to " + destination, ex))),
                file -> Mono.empty(),
                (file, error) -> discard(file),
                FileDownloads::discard);
    }

    private static Mono<Void> discard(DownloadFile file) {
        return Mono.fromRunnable(file::discard).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static <T> Mono<T> notified(Mono<T> transfer, TransferNotifier notifier) {
        return transfer.doOnSuccess(done -> notifier.complete()).doOnError(notifier::failed);
    }

    private static long writeTo(OutputStream out, DataBuffer buffer) {
        try (InputStream in = buffer.asInputStream(true)) {
            return in.transferTo(out);
        }
        catch (IOException ex) {
            throw LocalFiles.unchecked("writing a download to a stream", ex);
        }
    }

    /** Where a zip's bytes go, attempt after attempt. */
    private interface ZipSink {

        void startAttempt(String what) throws IOException;

        void write(byte[] bytes, int count) throws IOException;

        void finish() throws IOException;
    }
}
