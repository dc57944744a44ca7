package com.ctera.benchmarks.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.cookie.Cookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.files.CloudFiles;
import com.ctera.client.files.CloudFolderInfo;

/**
 * Which side limits a transfer: the client, Reactor Netty below it, or the simulator. Three sides move the same file
 * to and from the same endpoints in turn (A B C, C B A, ...): the client; a bare Reactor Netty {@code HttpClient} with
 * a session of its own, sending the same multipart form and writing the GET's buffers to a file channel, with none of
 * the client's work (no stat, no temporary file, no pipeline); and curl. Both JVM sides are warmed up as
 * {@link TransferRunner} warms the client. What is reported is the median of the per-round ratios to curl.
 *
 * <p>Arguments: {@code [size in MiB] [rounds] [transfers per side per round] [warm-up rounds]}, default 8, 15, 4
 * and 3000. Every upload keeps a version in the simulator (in tmpfs when there is one): about size × rounds ×
 * transfers × 3 must fit there.
 */
public final class TransferFloorRunner {

    private static final Logger logger = LoggerFactory.getLogger(TransferFloorRunner.class);

    private static final String FOLDER = "floor";

    private static final int CHUNK = 64 * 1024;

    private static final String[] SIDES = { "client", "reactor-netty", "curl" };

    private TransferFloorRunner() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int mib = RunnerArguments.wholeNumber(args, 0, "size in MiB", 1, 8);
        int rounds = RunnerArguments.wholeNumber(args, 1, "rounds", 1, 15);
        int transfers = RunnerArguments.wholeNumber(args, 2, "transfers per side per round", 1, 4);
        int warmUps = RunnerArguments.wholeNumber(args, 3, "warm-up rounds", 1, 3000);
        Path root = TransferRunner.scratchDirectory("ctera-floor");
        try (ChildSimulator simulator = ChildSimulator.start(Files.createDirectory(root.resolve("portal")), "512m");
                CteraPortal portal = CteraPortal.builder()
                    .name("floor")
                    .baseUrl(simulator.baseUrl())
                    .context(PortalContext.SERVICES_PORTAL)
                    .credentials(TransferRunner.USER, TransferRunner.PASSWORD)
                    .readTimeout(Duration.ofMinutes(1))
                    .build();
                BareSession bare = BareSession.login(simulator.baseUrl())) {
            CloudFiles files = portal.files();
            CloudFolderInfo drive = TransferRunner.benchFolder(files, FOLDER);
            Path work = Files.createDirectory(root.resolve("local"));
            CurlSession curl = CurlSession.login(simulator.baseUrl(), TransferRunner.USER, TransferRunner.PASSWORD,
                    work);
            // Each side returns its time in seconds; curl reports its own, which leaves out starting the process.
            Side[] sides = {
                new Side(source -> timed(() -> files.upload(source, "My Files/" + FOLDER)),
                        (name, target) -> timed(() -> files.download("My Files/" + FOLDER + "/" + name, target))),
                new Side(source -> timed(() -> bare.upload(source, drive.uid())),
                        (name, target) -> timed(() -> bare.download(name, target))),
                new Side(source -> curl.upload(source, drive.uid(), FOLDER, source.getFileName().toString()),
                        (name, target) -> curl.download(FOLDER, name, target)) };
            Path warm = TransferRunner.generate(work.resolve("warm.bin"), TransferRunner.WARM_UP_BYTES);
            for (int i = 0; i < warmUps; i++) {
                // Curl needs no compiling; it takes part now and then so the simulator sees its requests too.
                for (int side = 0; side < ((i % 10 == 0) ? 3 : 2); side++) {
                    sides[side].upload(warm);
                    sides[side].download("warm.bin", work.resolve("warm.down"));
                }
            }
            Path source = TransferRunner.generate(work.resolve("floor.bin"), mib * (1L << 20));
            double[][] up = new double[3][rounds];
            double[][] down = new double[3][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int turn = 0; turn < 3; turn++) {
                    // The order turns round after round, so no side always follows the same one.
                    int side = (round % 2 == 0) ? turn : 2 - turn;
                    for (int i = 0; i < transfers; i++) {
                        up[side][round] += sides[side].upload(source);
                        Path target = work.resolve("floor.down");
                        down[side][round] += sides[side].download("floor.bin", target);
                        long size = Files.size(target);
                        if (size != Files.size(source)) {
                            throw new IllegalStateException(SIDES[side] + " downloaded " + size + " bytes, expected "
                                    + Files.size(source));
                        }
                        Files.delete(target);
                    }
                }
            }
            report("upload", up, mib, transfers);
            report("download", down, mib, transfers);
        }
        finally {
            TransferRunner.deleteTree(root);
        }
    }

    private static void report(String direction, double[][] seconds, int mib, int transfers) {
        double bytes = transfers * mib * (double) (1L << 20);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d MiB %s, %d rounds of %d per side:",
                mib, direction, seconds[0].length, transfers));
        for (int side = 0; side < 3; side++) {
            line.append(String.format(Locale.ROOT, " %s %.1f MB/s", SIDES[side], bytes / median(seconds[side]) / 1e6));
        }
        line.append(String.format(Locale.ROOT, "; throughput ratios, medians of the rounds: client / curl %.3f, "
                + "reactor-netty / curl %.3f, client / reactor-netty %.3f", ratio(seconds, 0, 2), ratio(seconds, 1, 2),
                ratio(seconds, 0, 1)));
        logger.info(line.toString());
    }

    // Throughput of side a over side b, round by round.
    private static double ratio(double[][] seconds, int a, int b) {
        double[] ratios = new double[seconds[a].length];
        for (int round = 0; round < ratios.length; round++) {
            ratios[round] = seconds[b][round] / seconds[a][round];
        }
        return median(ratios);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double timed(Action action) throws IOException {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e9;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    /** One way of moving files; each call returns its time in seconds. */
    private record Side(Transfer up, Fetch down) {

        double upload(Path source) throws IOException, InterruptedException {
            return this.up.upload(source);
        }

        double download(String name, Path target) throws IOException, InterruptedException {
            return this.down.download(name, target);
        }
    }

    @FunctionalInterface
    private interface Transfer {
        double upload(Path source) throws IOException, InterruptedException;
    }

    @FunctionalInterface
    private interface Fetch {
        double download(String name, Path target) throws IOException, InterruptedException;
    }

    /**
     * Reactor Netty's {@code HttpClient} alone, logged in with a session cookie of its own: the §5.4.4 form in the
     * client's field order with the file streamed in 64 KiB buffers, and a GET of the webdav URL written buffer by
     * buffer to a file channel.
     */
    private static final class BareSession implements AutoCloseable {

        private static final String BOUNDARY = "floor-boundary-7d1f";

        private final ConnectionProvider connections;

        private final HttpClient http;

        private final URI baseUrl;

        private BareSession(ConnectionProvider connections, HttpClient http, URI baseUrl) {
            this.connections = connections;
            this.http = http;
            this.baseUrl = baseUrl;
        }

        static BareSession login(URI baseUrl) {
            ConnectionProvider connections = ConnectionProvider.create("floor", 8);
            HttpClient plain = HttpClient.create(connections);
            String form = "j_username=" + TransferRunner.USER + "&j_password="
                    + URLEncoder.encode(TransferRunner.PASSWORD, StandardCharsets.UTF_8);
            String session = plain.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE,
                    "application/x-www-form-urlencoded"))
                .post()
                .uri(baseUrl + "/ServicesPortal/api/login")
                .send(Mono.just(Unpooled.copiedBuffer(form, StandardCharsets.UTF_8)))
                .responseSingle((response, body) -> Mono.justOrEmpty(response.cookies().get("JSESSIONID"))
                    .flatMap(cookies -> Mono.justOrEmpty(cookies.stream().findFirst().map(Cookie::value))))
                .block(Duration.ofSeconds(10));
            if (session == null) {
                connections.dispose();
                throw new IllegalStateException("the services portal's login set no JSESSIONID cookie");
            }
            return new BareSession(connections, plain.headers(headers -> headers.set(HttpHeaderNames.COOKIE,
                    "JSESSIONID=" + session)), baseUrl);
        }

        void upload(Path source, long cloudFolderUid) throws IOException {
            String name = source.getFileName().toString();
            long size = Files.size(source);
            String webdav = this.baseUrl + "/ServicesPortal/webdav/My%20Files/" + FOLDER + "/" + name;
            StringBuilder head = new StringBuilder();
            for (String[] field : new String[][] { { "name", name }, { "Filename", name }, { "fullpath", webdav },
                    { "fileSize", Long.toString(size) } }) {
                head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field[0]).append("\"\r\n\r\n").append(field[1]).append("\r\n");
            }
            head.append("--").append(BOUNDARY).append("\r\nContent-Type: application/octet-stream\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(name)
                .append("\"\r\n\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] tailBytes = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
            Flux<ByteBuf> body = Flux.concat(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(headBytes)),
                    ByteBufFlux.fromPath(source, CHUNK), Mono.fromSupplier(() -> Unpooled.wrappedBuffer(tailBytes)));
            Integer status = this.http.headers(headers -> headers
                    .set(HttpHeaderNames.CONTENT_TYPE, "multipart/form-data; boundary=" + BOUNDARY)
                    .set(HttpHeaderNames.CONTENT_LENGTH, headBytes.length + size + tailBytes.length))
                .post()
                .uri(this.baseUrl + "/ServicesPortal/upload/folders/" + cloudFolderUid)
                .send(body)
                .responseSingle((response, answer) -> answer.then(Mono.just(response.status().code())))
                .block(Duration.ofMinutes(1));
            if (status == null || status != 200) {
                throw new IllegalStateException("the bare upload of " + name + " answered " + status);
            }
        }

        void download(String name, Path target) throws IOException {
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                this.http.get()
                    .uri(this.baseUrl + "/ServicesPortal/webdav/My%20Files/" + FOLDER + "/" + name)
                    .responseContent()
                    .doOnNext(buffer -> write(channel, buffer))
                    .then()
                    .block(Duration.ofMinutes(1));
            }
        }

        private static void write(FileChannel channel, ByteBuf buffer) {
            try {
                for (ByteBuffer part : buffer.nioBuffers()) {
                    while (part.hasRemaining()) {
                        channel.write(part);
                    }
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        @Override
        public void close() {
            this.connections.dispose();
        }
    }
}
