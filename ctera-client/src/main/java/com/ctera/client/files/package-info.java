/**
 * Cloud Drive files (protocol §5.4): stat, list, walk, folders, streamed upload and download, zip, background
 * delete/restore/copy/move, versions, and transfer progress.
 */
@NullMarked
package com.ctera.client.files;

import org.jspecify.annotations.NullMarked;
