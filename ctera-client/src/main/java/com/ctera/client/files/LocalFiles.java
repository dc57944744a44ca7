package com.ctera.client.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Quick local file-system calls inside reactive transfers, and their failures as unchecked, named exceptions. */
final class LocalFiles {

    private static final Logger logger = LoggerFactory.getLogger(LocalFiles.class);

    private LocalFiles() {
    }

    // A quick blocking file-system call, made on the subscribing thread when that thread may block (a caller of the
    // blocking API, the common case) and on a worker from a thread that must not (an event loop): a thread hop less
    // per transfer for blocking callers, where a small file's transfer takes about a millisecond.
    static <T> Mono<T> onBlockingThread(String what, Callable<T> work) {
        Mono<T> call = Mono.fromCallable(work).onErrorMap(IOException.class, ex -> unchecked(what, ex));
        return Mono.defer(() -> Schedulers.isInNonBlockingThread() ? call.subscribeOn(Schedulers.boundedElastic())
                : call);
    }

    /** A local I/O failure as an unchecked exception naming what was being done (never Reactor's wrapper). */
    static UncheckedIOException unchecked(String what, IOException cause) {
        return new UncheckedIOException(what + " failed: " + cause, cause);
    }

    static Mono<Void> deleteQuietly(Path path) {
        return Mono.fromRunnable(() -> {
            try {
                Files.deleteIfExists(path);
            }
            catch (IOException ex) {
                logger.debug("Could not delete temporary file {}: {}", path, ex.toString());
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
