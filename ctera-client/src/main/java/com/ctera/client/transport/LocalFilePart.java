package com.ctera.client.transport;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;

/**
 * The file part of a {@link MultipartUpload} as a local file, which a plain-HTTP connection sends from the file to
 * the socket without reading it into the client's memory (zero copy). A TLS connection, or a request sent through
 * {@code WebClient}, sends the upload's buffered content instead.
 * @param file the file, on the default file system
 * @param length the bytes sent, from the start of the file
 * @param readCheck called before each attempt's first byte (it may throw to fail the attempt); the check it returns
 * runs once the last byte is sent and before the closing boundary, so a failed check leaves the body incomplete and
 * nothing is stored
 * @param watch applied to each attempt's stream of bytes sent, counted as the connection takes them; it may count
 * them, report them, or fail the attempt
 */
public record LocalFilePart(Path file, long length, Supplier<Runnable> readCheck, UnaryOperator<Flux<Long>> watch) {

    public LocalFilePart {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(readCheck, "readCheck");
        Objects.requireNonNull(watch, "watch");
        if (file.getFileSystem() != FileSystems.getDefault()) {
            throw new IllegalArgumentException("a file part must be on the default file system, was " + file);
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, was " + length);
        }
    }

    /** The same part with {@code more} applied to the bytes sent after what this part's watch does. */
    LocalFilePart watchedBy(UnaryOperator<Flux<Long>> more) {
        UnaryOperator<Flux<Long>> first = this.watch;
        return new LocalFilePart(this.file, this.length, this.readCheck, sent -> more.apply(first.apply(sent)));
    }
}
