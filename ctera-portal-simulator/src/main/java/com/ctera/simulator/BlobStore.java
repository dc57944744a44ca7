package com.ctera.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * File bodies on disk, one file per stored version, never rewritten once complete. A temporary directory is
 * deleted on close; a given one is kept.
 */
final class BlobStore implements AutoCloseable {

    private final Path directory;
    private final boolean temporary;
    private final AtomicLong counter = new AtomicLong();

    BlobStore(@Nullable Path directory) {
        try {
            if (directory == null) {
                this.directory = Files.createTempDirectory("ctera-simulator-");
                this.temporary = true;
            }
            else {
                this.directory = Files.createDirectories(directory);
                this.temporary = false;
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the simulator's data directory", ex);
        }
    }

    Path directory() {
        return this.directory;
    }

    /** A fresh, not yet existing path for a new body. */
    Path newBlob() {
        return this.directory.resolve("blob-" + ProcessHandle.current().pid() + "-" + this.counter.incrementAndGet()
                + ".bin");
    }

    /** Stores a small body (demo data). */
    Path write(byte[] content) {
        Path blob = newBlob();
        try {
            Files.write(blob, content);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + blob.getFileName(), ex);
        }
        return blob;
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ex) {
            // A leftover partial upload only costs disk space until close.
        }
    }

    @Override
    public void close() {
        if (!this.temporary) {
            return;
        }
        try (Stream<Path> paths = Files.walk(this.directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(BlobStore::deleteQuietly);
        }
        catch (IOException ex) {
            // Already gone, or the OS will reclaim the temporary directory.
        }
    }
}
