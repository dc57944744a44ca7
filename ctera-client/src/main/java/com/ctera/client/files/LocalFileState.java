package com.ctera.client.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import org.jspecify.annotations.Nullable;

/**
 * What identifies one version of a local file without reading it: size, last-modified time and file key (the inode
 * where the file system has one), as AWS's transfer manager compares them. A writer that keeps the size still moves
 * the modification time; a file replaced by a rename changes its key.
 */
record LocalFileState(long size, FileTime lastModified, @Nullable Object fileKey) {

    static LocalFileState of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new LocalFileState(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
    }

    /** Fails with a {@link LocalFileChangedException} unless {@code now} is this same version. */
    void requireUnchanged(LocalFileState now, String operation, Path file, String target) {
        if (!equals(now)) {
            throw new LocalFileChangedException(operation, operation + " of '" + file + "' to '" + target
                    + "' failed: the file changed while it was being read (size " + this.size + " -> " + now.size
                    + ", last modified " + this.lastModified + " -> " + now.lastModified + "); nothing was stored. "
                    + "Upload it again once nothing is writing to it");
        }
    }
}
