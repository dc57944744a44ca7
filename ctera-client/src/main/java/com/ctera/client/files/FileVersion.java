package com.ctera.client.files;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One version (snapshot) of a file or folder (protocol §5.4.8).
 * @param path where this version can be listed and downloaded like any other path
 * @param current whether it is the live version
 * @param startTimestamp when the snapshot was started
 * @param calculatedTimestamp when the snapshot was taken
 */
public record FileVersion(String path, boolean current, @Nullable LocalDateTime startTimestamp,
        @Nullable LocalDateTime calculatedTimestamp) {
}
