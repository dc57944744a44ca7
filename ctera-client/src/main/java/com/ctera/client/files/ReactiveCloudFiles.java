package com.ctera.client.files;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.session.PortalCalls;
import com.ctera.client.tasks.PendingTask;

/**
 * Cloud Drive files in reactive form (protocol §5.4); nothing is sent until subscription. Transfers stream in
 * buffers of {@value #CHUNK_SIZE} bytes, so memory stays the same whatever the file's size, and no thread waits on a
 * transfer's bytes (except to write a caller's {@code OutputStream}). Paths are written as users see them, such as
 * {@code My Files/docs/a.txt}; names, from the caller or the portal, are checked before use
 * ({@link InvalidFileNameException}).
 */
public final class ReactiveCloudFiles {

    /** Size of the buffers that carry file content. */
    public static final int CHUNK_SIZE = 64 * 1024;

    private final PortalCalls calls;

    private final FileBrowser browser;

    private final FileUploads uploads;

    private final FileDownloads downloads;

    private final FileTasks tasks;

    /** Created by {@code CteraPortal}. */
    public ReactiveCloudFiles(PortalCalls calls) {
        this.calls = calls;
        UploadFolders uploadFolders = new UploadFolders(System::nanoTime);
        this.browser = new FileBrowser(calls);
        this.uploads = new FileUploads(calls, this.browser, uploadFolders);
        this.downloads = new FileDownloads(calls, this.browser);
        this.tasks = new FileTasks(calls, uploadFolders);
    }

    // ---- metadata -------------------------------------------------------------------------------------------------

    /** The file or folder at the path; fails with {@code CteraNotFoundException} when there is none. */
    public Mono<FileInfo> stat(String path) {
        return Mono.defer(() -> this.browser.stat(PortalPath.of(path)));
    }

    /** The items of a folder, fetched page by page as the subscriber asks; see {@link #list(String, ListOptions)}. */
    public Flux<FileInfo> list(String folder) {
        return list(folder, ListOptions.defaults());
    }

    /**
     * The items of a folder. Like the SDK, first stats the folder (depth 0), then lists it (depth 1) a page at a
     * time, {@code start += limit} while the portal answers {@code hasMore} (protocol §4.3). A listing naming an item
     * that could escape its folder fails with a {@code CteraProtocolException}.
     */
    public Flux<FileInfo> list(String folder, ListOptions options) {
        return Flux.defer(() -> this.browser.list(PortalPath.of(folder), options));
    }

    /**
     * Every item below the folder, breadth first, listing each subfolder only when the subscriber gets to it.
     * Subfolders that vanish or may not be read while walking are logged and skipped, as the SDK does.
     */
    public Flux<FileInfo> walk(String folder) {
        return Flux.defer(() -> this.browser.walk(PortalPath.of(folder)));
    }

    /** The versions (snapshots) of a file or folder, newest as the portal orders them. */
    public Flux<FileVersion> versions(String path) {
        return Flux.defer(() -> this.browser.versions(PortalPath.of(path)));
    }

    // ---- folders --------------------------------------------------------------------------------------------------

    /**
     * Creates one folder; its parent must exist.
     * @return fails with {@code CteraConflictException} when the name is taken, {@code CteraNotFoundException}
     * when the parent is missing, {@code CteraAccessDeniedException} without permission
     */
    public Mono<Void> mkdir(String path) {
        return Mono.defer(() -> this.browser.makeCollection(PortalPath.of(path)));
    }

    /** Creates a folder and every missing parent; folders that exist already are fine. */
    public Mono<Void> mkdirs(String path) {
        return Mono.defer(() -> this.browser.mkdirs(PortalPath.of(path)));
    }

    // ---- upload ---------------------------------------------------------------------------------------------------

    /** Uploads a local file into a portal folder, keeping its name. */
    public Mono<String> upload(Path file, String folder) {
        return upload(file, folder, TransferListener.NONE);
    }

    /**
     * Uploads a local file into a portal folder, keeping its name, streaming it from disk. A file that changes
     * while it is read fails the upload with a {@link LocalFileChangedException} before the portal has it whole.
     * @return the uploaded file's portal path
     */
    public Mono<String> upload(Path file, String folder, TransferListener listener) {
        return this.uploads.upload(file, folder, listener);
    }

    /**
     * Uploads a stream of unknown length as {@code folder/name}. The upload form declares the size before the
     * bytes, so the stream is first copied to a temporary file (constant memory, deleted afterwards), which also lets
     * a repeated attempt send the same bytes again. The stream is read but not closed.
     * @return the uploaded file's portal path
     */
    public Mono<String> upload(InputStream content, String folder, String name, TransferListener listener) {
        return this.uploads.upload(content, folder, name, listener);
    }

    /**
     * Uploads bytes of a known length as {@code folder/name}, streaming them as they come. The publisher is
     * subscribed once per attempt (again if the session must be renewed), so give a cold one that can be read again.
     * @param size the exact number of bytes the publisher delivers
     */
    public Mono<String> upload(Flux<DataBuffer> content, long size, String folder, String name,
            TransferListener listener) {
        return this.uploads.upload(content, size, folder, name, listener);
    }

    /**
     * Uploads bytes of unknown length as {@code folder/name}: they are first copied to a temporary file (constant
     * memory, deleted afterwards) because the upload form declares the size before the bytes.
     */
    public Mono<String> upload(Flux<DataBuffer> content, String folder, String name, TransferListener listener) {
        return this.uploads.upload(content, folder, name, listener);
    }

    // ---- download -------------------------------------------------------------------------------------------------

    /**
     * Downloads a file into a local file or directory (then named as on the portal). The bytes go to a temporary file
     * next to the target, renamed over it once complete (a file it replaces keeps its permissions), so a failed
     * download never leaves a partial target. The stat that refuses a folder is sent together with the download
     * itself, which is cancelled if the path is a folder. A body cut off midway is resumed where it stopped.
     * @return the local file written
     */
    public Mono<Path> download(String path, Path target, TransferListener listener) {
        return this.downloads.toPath(path, target, listener);
    }

    /**
     * Streams a file's bytes into {@code out}, which is written on a worker thread and not closed.
     * @return the number of bytes written
     */
    public Mono<Long> download(String path, OutputStream out, TransferListener listener) {
        return this.downloads.toStream(path, out, listener);
    }

    /**
     * A file's bytes as a stream of buffers, fetched as the subscriber consumes them (a slow subscriber slows the
     * download; it does not fill memory, and no thread waits meanwhile). Each buffer must be released by the
     * subscriber. A body cut off midway is resumed by the retry without repeating a byte.
     */
    public Flux<DataBuffer> download(String path, TransferListener listener) {
        return this.downloads.toBuffers(path, listener);
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
        return this.downloads.zipToStream(folder, children, out, listener);
    }

    /**
     * Downloads a zip of a folder into a local file, or into a directory as {@code <folder name>.zip}; see
     * {@link #downloadZip(String, List, OutputStream, TransferListener)}.
     */
    public Mono<Path> downloadZip(String folder, List<String> children, Path target, TransferListener listener) {
        return this.downloads.zipToPath(folder, children, target, listener);
    }

    // ---- background file tasks ------------------------------------------------------------------------------------

    /** Starts deleting items (to the recycle bin); await the returned task with {@code tasks()}. */
    public Mono<PendingTask> delete(List<String> paths) {
        return Mono.defer(() -> this.tasks.delete(paths));
    }

    /** Starts restoring deleted items from the recycle bin; await the returned task with {@code tasks()}. */
    public Mono<PendingTask> restore(List<String> paths) {
        return Mono.defer(() -> this.tasks.restore(paths));
    }

    /** Starts copying items into a folder, keeping their names; await the returned task with {@code tasks()}. */
    public Mono<PendingTask> copy(List<String> paths, String destinationFolder) {
        return Mono.defer(() -> this.tasks.copy(paths, destinationFolder));
    }

    /** Starts moving items into a folder, keeping their names; await the returned task with {@code tasks()}. */
    public Mono<PendingTask> move(List<String> paths, String destinationFolder) {
        return Mono.defer(() -> this.tasks.move(paths, destinationFolder));
    }

    /** Starts renaming an item in its folder (a move, protocol §5.4.7); await the task with {@code tasks()}. */
    public Mono<PendingTask> rename(String path, String newName) {
        return Mono.defer(() -> this.tasks.rename(path, newName));
    }

    @Override
    public String toString() {
        return "ReactiveCloudFiles[" + this.calls.endpoint().baseUrl() + "]";
    }
}
