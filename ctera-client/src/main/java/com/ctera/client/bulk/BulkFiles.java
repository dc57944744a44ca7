package com.ctera.client.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraPortal;
import com.ctera.client.ReactiveCteraPortal;
import com.ctera.client.files.FileInfo;
import com.ctera.client.files.ReactiveCloudFiles;
import com.ctera.client.files.TransferListener;
import com.ctera.client.files.TransferProgress;
import com.ctera.client.tasks.PendingTask;
import com.ctera.client.tasks.ReactiveTasks;

/**
 * Moves many files of one portal at once: a local directory tree up, a cloud folder tree down, and many paths
 * deleted, moved or copied, one item per file or folder with its bytes in the job's progress. A rollback undoes
 * each item: uploads and copies are deleted, moves go back, deletions come back from the recycle bin; a download
 * has nothing on the portal to undo. A download writes only
 * inside its target directory: an item whose listed name could lead outside it fails on its own, and nothing is
 * written for it.
 */
public final class BulkFiles {

    /** How long a delete, move or copy task of one item may run when nothing else is said. */
    public static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofMinutes(5);

    private final ReactiveCloudFiles files;

    private final ReactiveTasks tasks;

    private final BulkExecutor executor;

    private final Duration taskTimeout;

    /** Bulk files of a portal through this executor. */
    public BulkFiles(ReactiveCteraPortal portal, BulkExecutor executor) {
        this(portal, executor, DEFAULT_TASK_TIMEOUT);
    }

    /** @param taskTimeout how long each item's background task (delete, move, copy) may run */
    public BulkFiles(ReactiveCteraPortal portal, BulkExecutor executor, Duration taskTimeout) {
        this.files = portal.files();
        this.tasks = portal.tasks();
        this.executor = executor;
        this.taskTimeout = taskTimeout;
    }

    /** Bulk files of a portal with the default options (8 in flight, continue on failure). */
    public static BulkFiles of(CteraPortal portal) {
        return new BulkFiles(portal.reactive(), BulkExecutor.of(portal.name()));
    }

    /**
     * Starts uploading a local directory tree into a cloud folder (created if missing): one item per folder, named
     * by its portal path, and one per file. A rollback deletes the files uploaded and the folders the job created.
     * The local tree is read when this is called.
     */
    public BulkJob upload(Path localDirectory, String cloudFolder, BulkOptions options, BulkListener listener) {
        if (!Files.isDirectory(localDirectory)) {
            throw new IllegalArgumentException(localDirectory + " is not a directory");
        }
        String root = LocalTree.trim(cloudFolder);
        Map<Path, Mono<Void>> folders = new HashMap<>();
        folders.put(localDirectory, this.files.mkdirs(root).cache());
        List<BulkOperation> operations = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(localDirectory)) {
            entries = walk.filter(path -> !path.equals(localDirectory)).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + localDirectory, ex);
        }
        for (Path local : entries) {
            Path relative = localDirectory.relativize(local);
            String portalPath = root + "/" + relative.toString().replace('\\', '/');
            Mono<Void> parent = folders.get(local.getParent());
            if (Files.isDirectory(local)) {
                AtomicBoolean created = new AtomicBoolean();
                Mono<Void> made = parent.then(this.files.mkdir(portalPath)
                    .doOnSuccess(done -> created.set(true))
                    .onErrorResume(CteraConflictException.class, exists -> Mono.empty())).cache();
                folders.put(local, made);
                operations.add(new BulkOperation(portalPath, progress -> made,
                        Mono.defer(() -> created.get() ? deleted(portalPath) : Mono.empty())));
            }
            else {
                String folder = portalPath.substring(0, portalPath.lastIndexOf('/'));
                operations.add(new BulkOperation(portalPath,
                        progress -> parent.then(this.files.upload(local, folder, bytes(progress))),
                        deleted(portalPath)));
            }
        }
        return this.executor.start("files.upload", operations, options, listener);
    }

    /**
     * Lists a cloud folder tree, then starts downloading it into a local directory (created if missing): one item
     * per folder and file, named by its portal path. Each file goes to a temporary file renamed into place when
     * complete. An item whose name is {@code .} or {@code ..}, holds a separator, or disagrees with its listed path
     * fails with an {@link UnsafePathException}, as do the items below a refused folder.
     */
    public Mono<BulkJob> download(String cloudFolder, Path localDirectory, BulkOptions options,
            BulkListener listener) {
        String root = LocalTree.trim(cloudFolder);
        return this.files.walk(root).collectList().map(listing -> {
            LocalTree tree = new LocalTree(root, localDirectory);
            Map<String, Mono<Void>> folders = new HashMap<>();
            folders.put(root, localDirectory(localDirectory));
            List<BulkOperation> operations = new ArrayList<>(listing.size());
            for (FileInfo item : listing) {
                String path = LocalTree.trim(item.path());
                Path local;
                try {
                    local = tree.place(path, item.name(), item.folder());
                }
                catch (UnsafePathException refused) {
                    operations.add(BulkOperation.of(path, Mono.error(refused)));
                    continue;
                }
                Mono<Void> parent = folders.get(path.substring(0, path.lastIndexOf('/')));
                if (item.folder()) {
                    Mono<Void> made = parent.then(localDirectory(local)).cache();
                    folders.put(path, made);
                    operations.add(BulkOperation.of(path, made));
                }
                else {
                    operations.add(new BulkOperation(path,
                            progress -> parent.then(this.files.download(path, local, bytes(progress))), null));
                }
            }
            return this.executor.start("files.download", operations, options, listener);
        });
    }

    /** Starts deleting each path (to the recycle bin), one item and one portal task per path; a rollback restores. */
    public BulkJob delete(List<String> paths, BulkOptions options, BulkListener listener) {
        List<BulkOperation> operations = new ArrayList<>(paths.size());
        for (String path : paths) {
            operations.add(BulkOperation.of(path, finished(this.files.delete(List.of(path))),
                    finished(this.files.restore(List.of(path)))));
        }
        return this.executor.start("files.delete", operations, options, listener);
    }

    /**
     * Starts moving each path into the folder, one item and one portal task per path; a rollback moves each back
     * into the folder it came from.
     */
    public BulkJob move(List<String> paths, String destinationFolder, BulkOptions options, BulkListener listener) {
        List<BulkOperation> operations = new ArrayList<>(paths.size());
        String folder = LocalTree.trim(destinationFolder);
        for (String path : paths) {
            String trimmed = LocalTree.trim(path);
            int slash = trimmed.lastIndexOf('/');
            String movedPath = placedIn(folder, trimmed);
            Mono<Void> back = (slash > 0) ? finished(this.files.move(List.of(movedPath), trimmed.substring(0, slash)))
                    : Mono.error(new IllegalStateException("cannot move '" + movedPath + "' back: '" + path
                            + "' names no folder it came from"));
            operations.add(BulkOperation.of(path, finished(this.files.move(List.of(path), destinationFolder)), back));
        }
        return this.executor.start("files.move", operations, options, listener);
    }

    /** Starts copying each path into the folder, one item and one portal task per path; a rollback deletes copies. */
    public BulkJob copy(List<String> paths, String destinationFolder, BulkOptions options, BulkListener listener) {
        List<BulkOperation> operations = new ArrayList<>(paths.size());
        String folder = LocalTree.trim(destinationFolder);
        for (String path : paths) {
            operations.add(BulkOperation.of(path, finished(this.files.copy(List.of(path), destinationFolder)),
                    deleted(placedIn(folder, LocalTree.trim(path)))));
        }
        return this.executor.start("files.copy", operations, options, listener);
    }

    // Where a move or copy into the folder puts the path: the portal keeps the item's name.
    private static String placedIn(String folder, String path) {
        return folder + "/" + path.substring(path.lastIndexOf('/') + 1);
    }

    private Mono<Void> deleted(String path) {
        return finished(this.files.delete(List.of(path)));
    }

    private Mono<Void> finished(Mono<PendingTask> started) {
        return started.flatMap(task -> this.tasks.await(task, this.taskTimeout)).then();
    }

    private static Mono<Void> localDirectory(Path directory) {
        return Mono.fromCallable(() -> Files.createDirectories(directory))
            .subscribeOn(Schedulers.boundedElastic())
            .then();
    }

    // A transfer reports its running total; the job wants what is new. A repeated attempt starts again from zero, and
    // only bytes beyond the most reported so far count, so the job's total never goes back.
    private static TransferListener bytes(ItemProgress progress) {
        AtomicLong reported = new AtomicLong();
        return new TransferListener() {
            @Override
            public void bytesTransferred(TransferProgress transfer) {
                long total = transfer.transferredBytes();
                long before = reported.getAndAccumulate(total, Math::max);
                if (total > before) {
                    progress.bytesMoved(total - before);
                }
            }
        };
    }

    @Override
    public String toString() {
        return "BulkFiles[" + this.executor.portal() + "]";
    }
}
