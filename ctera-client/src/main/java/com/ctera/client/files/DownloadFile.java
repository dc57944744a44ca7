package com.ctera.client.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * The temporary file a download to a {@code Path} goes into, next to its destination, written buffer by buffer from
 * the connection's I/O thread: the buffers' memory goes straight to the file channel, with no copy and no thread
 * hop. Writes and the close are serialized, so a download cancelled while a buffer is being written (the stat found
 * a folder) closes the file between two buffers and drops the rest quietly.
 *
 * <p>Its name is short whatever the destination's ({@code .<at most 64 bytes of the name>.<random>.ctera.part}), so
 * it fits the 255-byte limit of a file name. It is locked while written; a part file of the same destination that is
 * neither locked nor written for {@link #STALE_AFTER} is left over from a crashed download and is deleted.
 */
final class DownloadFile implements AutoCloseable {

    /** How long a part file must have been left alone before it counts as a crashed download's. */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private static final Logger logger = LoggerFactory.getLogger(DownloadFile.class);

    private static final String SUFFIX = ".ctera.part";

    private static final int MAX_NAME_BYTES = 64;

    private final Path path;

    private final FileChannel channel;

    private final @Nullable FileLock lock;

    private boolean closed;

    private DownloadFile(Path path, FileChannel channel, @Nullable FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens an existing (empty) file for writing. */
    static DownloadFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        return new DownloadFile(file, channel, lockOf(channel));
    }

    /**
     * Creates a new, locked part file next to {@code destination}, with the permissions a new file gets, after
     * deleting the stale part files of earlier downloads to the same destination.
     */
    static DownloadFile createFor(Path destination) throws IOException {
        Path directory = destination.toAbsolutePath().getParent();
        String prefix = "." + shortened(String.valueOf(destination.getFileName())) + ".";
        deleteStale(directory, prefix);
        while (true) {
            Path part = directory.resolve(prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
                    + SUFFIX);
            try {
                return open(Files.createFile(part));
            }
            catch (FileAlreadyExistsException taken) {
                logger.trace("Part file name {} taken; drawing another", part);
            }
        }
    }

    /** The part file. */
    Path path() {
        return this.path;
    }

    /** Empties the file, for another attempt of the same request that must start over. */
    synchronized void restart() throws IOException {
        if (!this.closed) {
            this.channel.truncate(0);
            this.channel.position(0);
        }
    }

    /**
     * Appends a buffer's readable bytes and releases the buffer, whatever happens.
     * @return the bytes written; 0 once the file is closed
     */
    synchronized int write(DataBuffer buffer) throws IOException {
        try {
            if (this.closed) {
                return 0;
            }
            int count = buffer.readableByteCount();
            try (DataBuffer.ByteBufferIterator parts = buffer.readableByteBuffers()) {
                while (parts.hasNext()) {
                    write(parts.next());
                }
            }
            return count;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** Appends bytes from an array (a body read as a stream). */
    synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (!this.closed) {
            write(ByteBuffer.wrap(bytes, offset, length));
        }
    }

    private void write(ByteBuffer part) throws IOException {
        while (part.hasRemaining()) {
            this.channel.write(part);
        }
    }

    /**
     * Closes the complete file and renames it over {@code destination}; a file it replaces keeps its permissions.
     * Unlike {@link #close()}, a failure is reported.
     */
    synchronized Path moveTo(Path destination) throws IOException {
        finish();
        keepPermissions(destination);
        try {
            return Files.move(this.path, destination, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException ex) {
            return Files.move(this.path, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Closes the complete file; unlike {@link #close()}, a failure is reported. */
    synchronized void finish() throws IOException {
        if (!this.closed) {
            this.closed = true;
            this.channel.close();
        }
    }

    // The rename replaces the file, so its mode would be the part file's: the replaced file's is copied over first.
    private void keepPermissions(Path destination) throws IOException {
        PosixFileAttributeView target = Files.getFileAttributeView(destination, PosixFileAttributeView.class);
        if (target == null || !Files.exists(destination)) {
            return;
        }
        Set<PosixFilePermission> permissions = target.readAttributes().permissions();
        Files.setPosixFilePermissions(this.path, permissions);
    }

    /** Closes the file if still open and deletes it: a failed or cancelled download leaves nothing. */
    void discard() {
        close();
        try {
            Files.deleteIfExists(this.path);
        }
        catch (IOException ex) {
            logger.debug("Could not delete part file {}: {}", this.path, ex.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (this.closed) {
            return;
        }
        this.closed = true;
        try {
            this.channel.close();
        }
        catch (IOException ex) {
            logger.debug("Closing a download file failed: {}", ex.toString());
        }
    }

    private static @Nullable FileLock lockOf(FileChannel channel) {
        try {
            return channel.tryLock();
        }
        catch (IOException | OverlappingFileLockException | UnsupportedOperationException ex) {
            // Locking is a courtesy to the stale-file clean-up; a download works without it.
            logger.trace("Part file not locked: {}", ex.toString());
            return null;
        }
    }

    private static void deleteStale(Path directory, String prefix) {
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory,
                entry -> {
                    String name = String.valueOf(entry.getFileName());
                    return name.startsWith(prefix) && name.endsWith(SUFFIX);
                })) {
            for (Path part : parts) {
                if (isStale(part, before)) {
                    logger.debug("Deleting {}, left over from an interrupted download", part);
                    Files.deleteIfExists(part);
                }
            }
        }
        catch (IOException ex) {
            logger.debug("Could not clean stale part files in {}: {}", directory, ex.toString());
        }
    }

    private static boolean isStale(Path part, Instant before) throws IOException {
        if (Files.getLastModifiedTime(part).compareTo(FileTime.from(before)) > 0) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            return held != null;
        }
        catch (OverlappingFileLockException inThisProcess) {
            return false;
        }
    }

    // At most MAX_NAME_BYTES of UTF-8, cut at a character boundary.
    static String shortened(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_NAME_BYTES) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > MAX_NAME_BYTES) {
                break;
            }
            out.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }
}
