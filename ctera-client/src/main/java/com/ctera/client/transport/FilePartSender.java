package com.ctera.client.transport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.ssl.SslHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Writes a multipart body whose file part is a {@link LocalFilePart} straight to a plain connection: the framing as
 * buffers, the file as one file region, which the kernel copies from the file to the socket ({@code sendfile}).
 * Against a buffered upload this saves, per 64 KiB, a read into a pooled buffer, its trip through the body's
 * operators and the connection's writability turn (docs/benchmarks.md, "Uploads from disk, zero copy").
 */
final class FilePartSender {

    private FilePartSender() {
    }

    /** Whether {@code channel} can take a file region: a TLS connection has to encrypt every byte in memory. */
    static boolean canSend(Channel channel) {
        return channel.pipeline().get(SslHandler.class) == null;
    }

    /**
     * Writes the body once the request's headers are out; completes when the closing boundary is written. A failed
     * read check, watch or write leaves the body short of its announced length, so the portal stores nothing.
     */
    static Mono<Void> send(Channel channel, MultipartFraming framing, LocalFilePart part) {
        return Mono.defer(() -> {
            Runnable afterRead = part.readCheck().get();
            channel.write(Unpooled.wrappedBuffer(framing.head()));
            return part.watch().apply(fileRegion(channel, part))
                .then(Mono.fromRunnable(afterRead))
                .onErrorMap(error -> changedFile(afterRead, error))
                .then(Mono.defer(() -> written(channel, framing.tail())));
        });
    }

    // The bytes the connection has taken, as the socket takes them: one count per write of the region.
    private static Flux<Long> fileRegion(Channel channel, LocalFilePart part) {
        return Flux.create(sink -> {
            FileChannel file;
            try {
                file = FileChannel.open(part.file(), StandardOpenOption.READ);
            }
            catch (IOException ex) {
                sink.error(ex);
                return;
            }
            ChannelProgressivePromise promise = channel.newProgressivePromise();
            promise.addListener(new RegionProgress(sink, part.length()));
            // Cancelled by a watch (the minimum throughput) or the caller: the body can no longer be completed.
            sink.onCancel(() -> channel.close());
            // The region closes the file once written or dropped.
            channel.writeAndFlush(new DefaultFileRegion(file, 0, part.length()), promise);
        });
    }

    // A write that failed because the file shrank is a changed file, as a failed check after the read would be.
    private static Throwable changedFile(Runnable afterRead, Throwable error) {
        try {
            afterRead.run();
        }
        catch (RuntimeException changed) {
            return changed;
        }
        return error;
    }

    private static Mono<Void> written(Channel channel, byte[] bytes) {
        return Mono.create(sink -> channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(done -> {
            if (done.isSuccess()) {
                sink.success();
            }
            else {
                sink.error(done.cause());
            }
        }));
    }

    /** Turns the region's progress into counts of bytes, on the connection's thread. */
    private static final class RegionProgress implements ChannelProgressiveFutureListener {

        private final FluxSink<Long> sink;

        private final long length;

        private long reported;

        RegionProgress(FluxSink<Long> sink, long length) {
            this.sink = sink;
            this.length = length;
        }

        @Override
        public void operationProgressed(ChannelProgressiveFuture future, long progress, long total) {
            report(Math.min(progress, this.length));
        }

        @Override
        public void operationComplete(ChannelProgressiveFuture future) {
            if (future.isSuccess()) {
                report(this.length);
                this.sink.complete();
            }
            else {
                this.sink.error(future.cause());
            }
        }

        private void report(long progress) {
            if (progress > this.reported) {
                this.sink.next(progress - this.reported);
                this.reported = progress;
            }
        }
    }
}
