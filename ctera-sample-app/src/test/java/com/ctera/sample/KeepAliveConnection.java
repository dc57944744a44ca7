package com.ctera.sample;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection driven by hand, so a test controls exactly which requests share it and how
 * they are written (several in one write, as a pipelining client does). Every read gives up after the timeout.
 */
final class KeepAliveConnection implements AutoCloseable {

    private final Socket socket;

    private final InputStream in;

    private final OutputStream out;

    KeepAliveConnection(int port, Duration readTimeout) throws IOException {
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        this.socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
        this.in = new BufferedInputStream(this.socket.getInputStream());
        this.out = this.socket.getOutputStream();
    }

    /** Writes a bodyless GET for each path, all in a single write. */
    void get(String... paths) throws IOException {
        StringBuilder requests = new StringBuilder();
        for (String path : paths) {
            requests.append("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n");
        }
        this.out.write(requests.toString().getBytes(StandardCharsets.US_ASCII));
        this.out.flush();
    }

    /** Reads the next whole answer and returns its status; fails with a SocketTimeoutException when none comes. */
    int nextStatus() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            }
            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";", 2)[0].trim(), 16); size > 0;
                    size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) {
                skip(size);
                line();
            }
            line();
        }
        else if (length > 0) {
            skip(length);
        }
        return status;
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    private void skip(long count) throws IOException {
        for (long left = count; left > 0; left--) {
            if (this.in.read() < 0) {
                throw new EOFException("connection closed in the middle of an answer");
            }
        }
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
    }
}
