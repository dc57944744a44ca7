package com.ctera.client.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import io.netty.buffer.ByteBufAllocator;
import org.jspecify.annotations.Nullable;
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
import com.ctera.client.CteraOperation;
import com.ctera.client.PortalContext;
import com.ctera.client.session.PortalCalls;
import com.ctera.client.transport.ApiRequest;
import com.ctera.client.transport.LocalFilePart;
import com.ctera.client.transport.MultipartUpload;
import com.ctera.client.transport.TransferMeter;
import com.ctera.client.transport.XmlResponses;

/**
 * Uploads (protocol §5.4.4): a local file streamed from disk and checked not to change while read, a stream of
 * unknown length spooled to a temporary file first, or a publisher of known length streamed through.
 */
final class FileUploads {

    private static final String OPERATION = CteraOperation.FILES_UPLOAD.name();

    // A file being uploaded is read into Netty's pooled direct buffers, which the connection writes as they are. Heap
    // buffers cost two copies per byte (into a fresh heap buffer for Netty, then into a direct one for the socket)
    // and 128 MiB of garbage per 128 MiB sent (docs/benchmarks.md, "Transfers against curl").
    private static final DataBufferFactory FILE_BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    private static final Runnable NO_CHECK = () -> {
    };

    private final PortalCalls calls;

    private final PortalContext context;

    private final FileBrowser browser;

    private final UploadFolders uploadFolders;

    FileUploads(PortalCalls calls, FileBrowser browser, UploadFolders uploadFolders) {
        this.calls = calls;
        this.context = calls.endpoint().context();
        this.browser = browser;
        this.uploadFolders = uploadFolders;
    }

    Mono<String> upload(Path file, String folder, TransferListener listener) {
        String name = String.valueOf(file.getFileName());
        return Mono.defer(() -> {
            PortalPath target = PortalPath.of(folder).child(FileNames.requireValid(name));
            return LocalFiles.onBlockingThread("reading " + file, () -> LocalContent.of(file, target.relative()))
                    .flatMap(local -> send(local, folder, name, name, listener));
        });
    }

    Mono<String> upload(InputStream content, String folder, String name, TransferListener listener) {
        return spooled(temp -> Mono.fromCallable(() -> {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            return temp;
        }).subscribeOn(Schedulers.boundedElastic()), folder, name, listener);
    }

    Mono<String> upload(Flux<DataBuffer> content, long size, String folder, String name,
            TransferListener listener) {
        if (size < 0) {
            return Mono.error(new IllegalArgumentException("size must not be negative, was " + size));
        }
        return send(new Body(content, size, null), folder, name, "file", listener);
    }

    Mono<String> upload(Flux<DataBuffer> content, String folder, String name, TransferListener listener) {
        return spooled(temp -> DataBufferUtils.write(content, temp).thenReturn(temp), folder, name, listener);
    }

    // Copying a caller's InputStream blocks by nature, so that copy runs on a worker; a Flux is written through an
    // asynchronous channel and needs none. The spooled file is ours: nothing else writes to it, so it is not
    // re-checked.
    private Mono<String> spooled(Function<Path, Mono<Path>> fill, String folder, String name,
            TransferListener listener) {
        return Mono.usingWhen(
                Mono.fromCallable(() -> Files.createTempFile("ctera-upload-", ".part"))
                        .subscribeOn(Schedulers.boundedElastic()),
                temp -> fill.apply(temp)
                        .flatMap(written -> Mono.fromCallable(() -> Files.size(written))
                                .flatMap(size -> send(new Body(fileBuffers(written), size,
                                        new FileOnDisk(written, () -> NO_CHECK)), folder, name, "file", listener))),
                LocalFiles::deleteQuietly)
                .onErrorMap(IOException.class, ex -> LocalFiles.unchecked("spooling the upload of '" + name + "'",
                        ex));
    }

    // The upload URL needs the destination's cloud folder uid, which a stat of the folder gives (§5.4.4). A folder
    // stated by a recent upload is trusted without another stat; if the portal then refuses the upload, the folder is
    // stated again, so a folder that is gone or changed fails as it would have without the shortcut.
    private Mono<String> send(Body content, String folderPath, String name, String partFileName,
            TransferListener listener) {
        return Mono.defer(() -> {
            FileNames.requireValid(name);
            PortalPath folder = PortalPath.of(folderPath);
            PortalPath target = folder.child(name);
            TransferNotifier notifier = new TransferNotifier(listener, target.relative(),
                    TransferProgress.Direction.UPLOAD, content.size());
            FileInfo known = this.uploadFolders.get(folder);
            Mono<String> sent;
            if (known == null) {
                sent = uploadFolder(folder, target)
                        .flatMap(info -> sendInto(info, content, target, partFileName, notifier))
                        .map(outcome -> outcome.accepted(target));
            }
            else {
                sent = sendInto(known, content, target, partFileName, notifier)
                        .doOnError(error -> this.uploadFolders.forget(folder))
                        .flatMap(outcome -> (outcome.refusal() == null) ? Mono.just(target.relative())
                                : restated(folder, target, known, outcome, content, partFileName, notifier));
            }
            return sent.doOnSuccess(done -> notifier.complete()).doOnError(notifier::failed);
        });
    }

    private Mono<String> restated(PortalPath folder, PortalPath target, FileInfo known, UploadOutcome refused,
            Body content, String partFileName, TransferNotifier notifier) {
        this.uploadFolders.forget(folder);
        return uploadFolder(folder, target).flatMap(fresh -> {
            if (FileBrowser.cloudFolderUid(CteraOperation.FILES_UPLOAD, fresh, folder)
                    == FileBrowser.cloudFolderUid(CteraOperation.FILES_UPLOAD, known, folder)) {
                // The folder is where it was: the refusal had another cause (quota, policy), so it stands.
                return Mono.fromCallable(() -> refused.accepted(target));
            }
            return sendInto(fresh, content, target, partFileName, notifier)
                    .map(outcome -> outcome.accepted(target));
        });
    }

    /** Stats an upload's destination folder, checks that it may be written, and remembers it for a while. */
    private Mono<FileInfo> uploadFolder(PortalPath folder, PortalPath target) {
        return this.browser.requireFolder(CteraOperation.FILES_UPLOAD, folder).map(info -> {
            if (!info.writable()) {
                throw new CteraAccessDeniedException(OPERATION, 0, OPERATION + " failed on '" + target.relative()
                        + "': the folder is " + info.permission() + ", not ReadWrite", null);
            }
            FileBrowser.cloudFolderUid(CteraOperation.FILES_UPLOAD, info, folder);
            this.uploadFolders.put(folder, info);
            return info;
        });
    }

    private Mono<UploadOutcome> sendInto(FileInfo folder, Body content, PortalPath target, String partFileName,
            TransferNotifier notifier) {
        long uid = FileBrowser.cloudFolderUid(CteraOperation.FILES_UPLOAD, folder, target.parent());
        long size = content.size();
        TransferMeter meter = new TransferMeter();
        LongConsumer sent = bytes -> {
            meter.sent(bytes);
            notifier.transferred(bytes);
        };
        Flux<DataBuffer> counted = Flux.defer(() -> {
            notifier.initiated();
            return content.buffers().doOnNext(buffer -> sent.accept(buffer.readableByteCount()))
                    .concatWith(Mono.defer(() -> (meter.sentBytes() == size) ? Mono.empty()
                            : Mono.error(new CteraClientErrorException(OPERATION, 0, OPERATION + " of '"
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
                new MultipartUpload(fields, "file", partFileName, counted, size, content.filePart(notifier, sent)))
                .withTransferMeter(meter);
        return this.calls.call(request, XmlResponses.tree(this.calls.codec()))
                .map(answer -> UploadOutcome.of(answer, target));
    }

    // Read as the connection asks for more, on the thread that asks (the connection's): a local file answers a 64 KiB
    // read in microseconds, where an asynchronous channel handed every buffer from its own thread to the connection's
    // and back, two thread switches per 64 KiB (docs/benchmarks.md, "Uploads read where they are sent").
    private static Flux<DataBuffer> fileBuffers(Path file) {
        return DataBufferUtils.readByteChannel(() -> FileChannel.open(file, StandardOpenOption.READ), FILE_BUFFERS,
                ReactiveCloudFiles.CHUNK_SIZE);
    }

    /** An upload's bytes: always as buffers, and, when they are a local file's, as that file too. */
    private record Body(Flux<DataBuffer> buffers, long size, @Nullable FileOnDisk file) {

        /** The file part the connection may send from disk, counted as the buffers are, or null. */
        @Nullable LocalFilePart filePart(TransferNotifier notifier, LongConsumer sent) {
            if (this.file == null) {
                return null;
            }
            return new LocalFilePart(this.file.path(), this.size, this.file.readCheck(), counts -> Flux.defer(() -> {
                notifier.initiated();
                return counts.doOnNext(sent::accept);
            }));
        }
    }

    /**
     * A file sent as it lies on disk.
     * @param readCheck run before each attempt's first byte; the check it returns runs after the last
     */
    private record FileOnDisk(Path path, Supplier<Runnable> readCheck) {
    }

    /**
     * A local file's bytes as they will be sent. A file of one buffer or less is read whole once, however often the
     * upload is repeated; a larger one streams from disk, from the file to the socket where the connection allows it
     * and otherwise into pooled direct buffers, read as the connection asks for them. Either way the file's state
     * before and after the read must match (and match the declared size), or the upload fails with a
     * {@link LocalFileChangedException} before the body is complete: a torn copy is never stored. Each attempt reads
     * (and checks) the file afresh.
     */
    private static final class LocalContent {

        private LocalContent() {
        }

        static Body of(Path file, String target) throws IOException {
            LocalFileState first = LocalFileState.of(file);
            if (first.size() > ReactiveCloudFiles.CHUNK_SIZE) {
                Supplier<Runnable> readCheck = () -> readCheck(file, first.size(), target);
                Flux<DataBuffer> buffers = Flux.defer(() -> {
                    Runnable afterRead = readCheck.get();
                    return fileBuffers(file).concatWith(Mono.fromRunnable(afterRead));
                });
                FileOnDisk onDisk = (file.getFileSystem() == FileSystems.getDefault())
                        ? new FileOnDisk(file, readCheck) : null;
                return new Body(buffers, first.size(), onDisk);
            }
            byte[] bytes = Files.readAllBytes(file);
            first.requireUnchanged(LocalFileState.of(file), OPERATION, file, target);
            return new Body(Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes))),
                    bytes.length, null);
        }

        // Stats the file before its first byte is read: it must still have the declared size. The check returned
        // stats it again after the last byte and fails if anything changed in between.
        private static Runnable readCheck(Path file, long declared, String target) {
            LocalFileState before = state(file);
            if (before.size() != declared) {
                throw new LocalFileChangedException(OPERATION, OPERATION + " of '" + file + "' to '" + target
                        + "' failed: the file changed size from " + declared + " to " + before.size()
                        + " bytes before it was sent; nothing was stored. Upload it again once nothing is "
                        + "writing to it");
            }
            return () -> before.requireUnchanged(state(file), OPERATION, file, target);
        }

        private static LocalFileState state(Path file) {
            try {
                return LocalFileState.of(file);
            }
            catch (IOException ex) {
                throw LocalFiles.unchecked("reading " + file, ex);
            }
        }
    }
}
