package com.ctera.client.transport;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

/**
 * The body of a multipart upload: text fields in the order they are sent, then one file part whose bytes stream
 * from {@code content}. The content is subscribed once per attempt, so it must be a source that can be read again
 * (a file, a cold publisher) when the call may be repeated.
 * @param fields the text fields, in wire order
 * @param filePartName the name of the file part, {@code file} for the portal
 * @param fileName the {@code filename} of the file part
 * @param content the file's bytes
 * @param contentLength how many bytes {@code content} holds, or -1 when that is not known ahead; a known length
 * lets the request announce its size instead of being sent in chunks
 * @param file the same bytes as a local file, sent from disk without copying where the connection allows it, or
 * {@code null}; its length must be {@code contentLength}
 */
public record MultipartUpload(List<Map.Entry<String, String>> fields, String filePartName, String fileName,
        Flux<DataBuffer> content, long contentLength, @Nullable LocalFilePart file) {

    public MultipartUpload {
        fields = List.copyOf(fields);
        Objects.requireNonNull(filePartName, "filePartName");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        if (contentLength < -1) {
            throw new IllegalArgumentException("contentLength must be -1 (unknown) or a size, was " + contentLength);
        }
        if (file != null && file.length() != contentLength) {
            throw new IllegalArgumentException("the file part's length " + file.length() + " must be contentLength "
                    + contentLength);
        }
    }

    /** An upload whose bytes are only those of {@code content}. */
    public MultipartUpload(List<Map.Entry<String, String>> fields, String filePartName, String fileName,
            Flux<DataBuffer> content, long contentLength) {
        this(fields, filePartName, fileName, content, contentLength, null);
    }

    /** The same upload with its bytes watched: {@code buffers} on the buffered content, {@code sent} on the file's. */
    MultipartUpload watchedBy(UnaryOperator<Flux<DataBuffer>> buffers, UnaryOperator<Flux<Long>> sent) {
        return new MultipartUpload(this.fields, this.filePartName, this.fileName, buffers.apply(this.content),
                this.contentLength, (this.file != null) ? this.file.watchedBy(sent) : null);
    }

    @Override
    public String toString() {
        return "MultipartUpload[fields=" + this.fields.stream().map(Map.Entry::getKey).toList() + ", file="
                + this.fileName + "]";
    }
}
