package com.ctera.client.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * The temporary file a download to a {@code Path} goes into, written buffer by buffer from the connection's I/O
 * thread. The buffers' memory goes straight to the file channel: no copy to a heap array, no thread hop. Writes and
 * the close are serialized, so a download cancelled while a buffer is being written (the stat found a folder) closes
 * the file between two buffers and drops the rest quietly.
 */
final class DownloadFile implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(DownloadFile.class);

    private final FileChannel channel;

    private boolean closed;

    private DownloadFile(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens an existing (empty) file for writing. */
    static DownloadFile open(Path file) throws IOException {
        return new DownloadFile(FileChannel.open(file, StandardOpenOption.WRITE));
    }

    /** Empties the file, for another attempt of the same request (a retry, or a renewed session). */
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
                    ByteBuffer part = parts.next();
                    while (part.hasRemaining()) {
                        this.channel.write(part);
                    }
                }
            }
            return count;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** Closes the complete file before it is renamed into place; unlike {@link #close()}, a failure is reported. */
    synchronized void finish() throws IOException {
        if (!this.closed) {
            this.closed = true;
            this.channel.close();
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
}
