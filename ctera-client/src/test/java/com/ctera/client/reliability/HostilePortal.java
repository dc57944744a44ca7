package com.ctera.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake portal on a raw socket, for answers no well-behaved server would send: it reads each request whole, then
 * lets a script write any bytes at any pace (headers one byte at a time, megabytes of whitespace, an echoed form),
 * and closes the connection. It counts the requests it received. Register it as a static extension of a test class;
 * it closes after the class's last test.
 */
final class HostilePortal implements AutoCloseable, AfterAllCallback {

    /** Writes the whole answer, status line included, for one request. */
    @FunctionalInterface
    interface Script {

        void answer(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    /** One received request. */
    record Request(String line, String body) {
    }

    private final ServerSocket server;

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hostile-portal");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private volatile Script script;

    private HostilePortal(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.threads.execute(this::accept);
    }

    /** A portal answering an empty 200 until a test gives it a script. */
    static HostilePortal start() {
        try {
            return new HostilePortal(answer(200, ""));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
    }

    void script(Script script) {
        this.script = script;
    }

    List<Request> requests() {
        return this.requests;
    }

    private void accept() {
        while (!this.server.isClosed()) {
            try {
                Socket socket = this.server.accept();
                this.threads.execute(() -> serve(socket));
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Request request = read(socket.getInputStream());
            if (request == null) {
                return;
            }
            this.requests.add(request);
            OutputStream out = socket.getOutputStream();
            this.script.answer(request, out);
            out.flush();
        }
        catch (IOException ex) {
            // The client gave up on the answer: what the hostile scripts expect.
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            head.write(next);
            matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : (next == '\r') ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int length = 0;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return new Request(lines[0], new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    /** A complete answer with this status and XML body. */
    static Script answer(int status, String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        return (request, out) -> {
            out.write(head(status, "Content-Length: " + body.length));
            out.write(body);
        };
    }

    /** The status line and headers of an answer, with the given extra header line. */
    static byte[] head(int status, String header) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: text/xml\r\nConnection: close\r\n" + header + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code bytes} one at a time, {@code pause} apart, flushing each: a portal that never goes silent. */
    static void trickle(OutputStream out, byte[] bytes, long pauseMillis) throws IOException, InterruptedException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(pauseMillis);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        this.server.close();
        this.threads.shutdownNow();
    }
}
