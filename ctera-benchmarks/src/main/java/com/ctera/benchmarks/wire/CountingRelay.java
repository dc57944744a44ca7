package com.ctera.benchmarks.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between the client and the simulator that counts the bytes each way, and can hold the answers to a
 * link speed, as a WAN between an application and its portal would: what the wire carries, not what the codec sees.
 */
final class CountingRelay implements AutoCloseable {

    private final ServerSocket listener;

    private final InetSocketAddress target;

    private final long bytesPerSecond;

    private final AtomicLong up = new AtomicLong();

    private final AtomicLong down = new AtomicLong();

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "counting-relay");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param bytesPerSecond the speed of the answers' direction, or 0 for as fast as the machine goes
     */
    CountingRelay(InetSocketAddress target, long bytesPerSecond) throws IOException {
        this.target = target;
        this.bytesPerSecond = bytesPerSecond;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.threads.execute(this::accept);
    }

    int port() {
        return this.listener.getLocalPort();
    }

    /** Bytes from the client to the portal so far. */
    long bytesUp() {
        return this.up.get();
    }

    /** Bytes from the portal to the client so far. */
    long bytesDown() {
        return this.down.get();
    }

    private void accept() {
        while (!this.listener.isClosed()) {
            try {
                Socket client = this.listener.accept();
                Socket server = new Socket(this.target.getAddress(), this.target.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                this.threads.execute(() -> pump(client, server, this.up, 0));
                this.threads.execute(() -> pump(server, client, this.down, this.bytesPerSecond));
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    // Copies until either side closes; with a speed, sleeps so that the bytes sent never run ahead of it.
    private static void pump(Socket from, Socket to, AtomicLong counter, long bytesPerSecond) {
        byte[] buffer = new byte[16 * 1024];
        long start = System.nanoTime();
        long sent = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (bytesPerSecond > 0) {
                    long due = start + (sent + read) * 1_000_000_000L / bytesPerSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    else {
                        // An idle link does not bank speed for later.
                        start = System.nanoTime();
                        sent = 0;
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
                sent += read;
                counter.addAndGet(read);
            }
        }
        catch (IOException ex) {
            // The other side closed: the connection is over.
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // Nothing left to release.
        }
    }

    @Override
    public void close() throws IOException {
        this.listener.close();
        this.threads.shutdownNow();
    }
}
