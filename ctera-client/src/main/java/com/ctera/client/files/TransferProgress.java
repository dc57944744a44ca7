package com.ctera.client.files;

import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one transfer's progress.
 * @param path the portal path being uploaded or downloaded
 * @param direction upload or download
 * @param transferredBytes bytes moved so far
 * @param totalBytes the size when known in advance, else {@code null}
 */
public record TransferProgress(String path, Direction direction, long transferredBytes, @Nullable Long totalBytes) {

    /** The fraction done, from 0 to 1, when the total is known. */
    public OptionalDouble ratioTransferred() {
        if (this.totalBytes == null) {
            return OptionalDouble.empty();
        }
        if (this.totalBytes == 0) {
            return OptionalDouble.of(1.0);
        }
        return OptionalDouble.of((double) this.transferredBytes / this.totalBytes);
    }

    /** Which way the bytes go. */
    public enum Direction {

        /** To the portal. */
        UPLOAD,

        /** From the portal. */
        DOWNLOAD
    }
}
