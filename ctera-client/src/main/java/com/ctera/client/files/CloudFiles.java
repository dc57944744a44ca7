package com.ctera.client.files;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraNotFoundException;

import com.ctera.client.tasks.PendingTask;

/**
 * Cloud Drive files (protocol §5.4), blocking; every method delegates to {@link ReactiveCloudFiles}. Background
 * operations (delete, restore, copy, move, rename) return a {@link PendingTask} to await with
 * {@code portal.tasks().await(task, timeout)}.
 */
public final class CloudFiles {

    private final ReactiveCloudFiles reactive;

    /** Created by {@code CteraPortal}. */
    public CloudFiles(ReactiveCloudFiles reactive) {
        this.reactive = reactive;
    }

    /** The file or folder at the path; throws {@code CteraNotFoundException} when there is none. */
    public FileInfo stat(String path) {
        return this.reactive.stat(path).block();
    }

    /** Whether a file or folder exists at the path. */
    public boolean exists(String path) {
        return Boolean.TRUE.equals(this.reactive.stat(path).map(info -> true)
                .onErrorResume(CteraNotFoundException.class, missing -> Mono.just(false))
                .block());
    }

    /** The items of a folder; pages are fetched lazily as the stream is consumed. */
    public Stream<FileInfo> list(String folder) {
        return this.reactive.list(folder).toStream(ListOptions.DEFAULT_PAGE_SIZE);
    }

    /** The items of a folder with these options; pages are fetched lazily as the stream is consumed. */
    public Stream<FileInfo> list(String folder, ListOptions options) {
        return this.reactive.list(folder, options).toStream(options.pageSize());
    }

    /** Every item below the folder, breadth first; subfolders are listed as the stream reaches them. */
    public Stream<FileInfo> walk(String folder) {
        return this.reactive.walk(folder).toStream(ListOptions.DEFAULT_PAGE_SIZE);
    }

    /** The versions (snapshots) of a file or folder. */
    public List<FileVersion> versions(String path) {
        return this.reactive.versions(path).collectList().block();
    }

    /** Creates one folder; its parent must exist. */
    public void mkdir(String path) {
        this.reactive.mkdir(path).block();
    }

    /** Creates a folder and every missing parent. */
    public void mkdirs(String path) {
        this.reactive.mkdirs(path).block();
    }

    /** Uploads a local file into a portal folder, keeping its name; returns the portal path. */
    public String upload(Path file, String folder) {
        return this.reactive.upload(file, folder).block();
    }

    /** Uploads a local file into a portal folder with progress; returns the portal path. */
    public String upload(Path file, String folder, TransferListener listener) {
        return this.reactive.upload(file, folder, listener).block();
    }

    /** Uploads a stream of unknown length as {@code folder/name} (spooled to a temporary file first). */
    public String upload(InputStream content, String folder, String name) {
        return this.reactive.upload(content, folder, name, TransferListener.NONE).block();
    }

    /** Uploads a stream of unknown length as {@code folder/name} with progress. */
    public String upload(InputStream content, String folder, String name, TransferListener listener) {
        return this.reactive.upload(content, folder, name, listener).block();
    }

    /** Uploads {@code size} bytes streamed from a cold publisher as {@code folder/name}. */
    public String upload(Flux<DataBuffer> content, long size, String folder,
            String name, TransferListener listener) {
        return this.reactive.upload(content, size, folder, name, listener).block();
    }

    /** Downloads a file into a local file or directory; returns the local file. */
    public Path download(String path, Path target) {
        return this.reactive.download(path, target, TransferListener.NONE).block();
    }

    /** Downloads a file into a local file or directory with progress; returns the local file. */
    public Path download(String path, Path target, TransferListener listener) {
        return this.reactive.download(path, target, listener).block();
    }

    /** Streams a file into {@code out} (not closed); returns the number of bytes. */
    public long download(String path, OutputStream out) {
        return this.reactive.download(path, out, TransferListener.NONE).block();
    }

    /** Streams a file into {@code out} (not closed) with progress; returns the number of bytes. */
    public long download(String path, OutputStream out, TransferListener listener) {
        return this.reactive.download(path, out, listener).block();
    }

    /** Streams a zip of a whole folder, or of the named children only, into {@code out}; returns the bytes. */
    public long downloadZip(String folder, List<String> children, OutputStream out) {
        return this.reactive.downloadZip(folder, children, out, TransferListener.NONE).block();
    }

    /** Downloads a zip of a whole folder, or of the named children only, into a local file or directory. */
    public Path downloadZip(String folder, List<String> children, Path target) {
        return this.reactive.downloadZip(folder, children, target, TransferListener.NONE).block();
    }

    /** Starts deleting items to the recycle bin. */
    public PendingTask delete(List<String> paths) {
        return this.reactive.delete(paths).block();
    }

    /** Starts deleting one item to the recycle bin. */
    public PendingTask delete(String path) {
        return delete(List.of(path));
    }

    /** Starts restoring deleted items. */
    public PendingTask restore(List<String> paths) {
        return this.reactive.restore(paths).block();
    }

    /** Starts restoring one deleted item. */
    public PendingTask restore(String path) {
        return restore(List.of(path));
    }

    /** Starts copying items into a folder. */
    public PendingTask copy(List<String> paths, String destinationFolder) {
        return this.reactive.copy(paths, destinationFolder).block();
    }

    /** Starts moving items into a folder. */
    public PendingTask move(List<String> paths, String destinationFolder) {
        return this.reactive.move(paths, destinationFolder).block();
    }

    /** Starts renaming an item within its folder. */
    public PendingTask rename(String path, String newName) {
        return this.reactive.rename(path, newName).block();
    }
}
