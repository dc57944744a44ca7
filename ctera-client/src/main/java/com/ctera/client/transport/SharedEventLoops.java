package com.ctera.client.transport;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.netty.resources.LoopResources;

/**
 * The event loops the portals' HTTP clients run on: one set for the JVM while any portal is open, shut down when the
 * last one closes. Reactor Netty's global loops stay up until the process ends, their threads waiting in native
 * code, and a JVM that exits waits up to 300 ms for such threads: every short job (a command, a script) paid that
 * at its end. Portals created after the last close get a new set.
 */
final class SharedEventLoops {

    private static @Nullable LoopResources loops;

    private static int users;

    private SharedEventLoops() {
    }

    /** The loops to run a new portal's client on; each call needs one {@link #release}. */
    static synchronized LoopResources acquire() {
        LoopResources current = loops;
        if (current == null) {
            // Daemon threads, as Reactor Netty's own: an application that never closes its portals still exits.
            current = LoopResources.create("ctera-http", LoopResources.DEFAULT_IO_WORKER_COUNT, true);
            loops = current;
        }
        users++;
        return current;
    }

    /**
     * Gives back loops from {@link #acquire}; the last user shuts them down and waits, up to {@code timeout}, for
     * their threads to end.
     */
    static void release(LoopResources released, Duration timeout) {
        LoopResources ended = null;
        synchronized (SharedEventLoops.class) {
            if (released != loops) {
                return;
            }
            users--;
            if (users == 0) {
                ended = released;
                loops = null;
            }
        }
        if (ended != null) {
            ended.disposeLater(Duration.ZERO, timeout).block(timeout.plusSeconds(1));
        }
    }
}
