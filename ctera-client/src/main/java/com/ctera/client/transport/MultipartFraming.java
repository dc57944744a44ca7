package com.ctera.client.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.util.MimeTypeUtils;

/**
 * The bytes around the file of a {@link MultipartUpload}, written as Spring's multipart writer writes them (RFC 7578:
 * text parts in UTF-8, part headers in UTF-8, {@code Content-Disposition} built by Spring), so that the file's own
 * buffers can go out between them untouched and the whole body's size is known when the file's is.
 * @param contentType the request's {@code Content-Type}, with the boundary
 * @param head every text part, then the file part's headers
 * @param tail the end of the file part and the closing boundary
 */
record MultipartFraming(String contentType, byte[] head, byte[] tail) {

    private static final byte[] CRLF = { '\r', '\n' };

    static MultipartFraming of(MultipartUpload upload) {
        String boundary = MimeTypeUtils.generateMultipartBoundaryString();
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        for (Map.Entry<String, String> field : upload.fields()) {
            part(head, boundary, ContentDisposition.formData().name(field.getKey()).build(),
                    "text/plain;charset=UTF-8");
            head.writeBytes(field.getValue().getBytes(StandardCharsets.UTF_8));
            head.writeBytes(CRLF);
        }
        part(head, boundary, ContentDisposition.formData().name(upload.filePartName()).filename(upload.fileName())
                .build(), "application/octet-stream");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return new MultipartFraming("multipart/form-data;boundary=" + boundary, head.toByteArray(), tail);
    }

    /** The whole body's size for a file of {@code fileLength} bytes, or -1 when that is not known. */
    long bodyLength(long fileLength) {
        return (fileLength < 0) ? -1 : this.head.length + fileLength + this.tail.length;
    }

    private static void part(ByteArrayOutputStream out, String boundary, ContentDisposition disposition,
            String contentType) {
        String headers = "--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Disposition: "
                + disposition + "\r\n\r\n";
        out.writeBytes(headers.getBytes(StandardCharsets.UTF_8));
    }
}
