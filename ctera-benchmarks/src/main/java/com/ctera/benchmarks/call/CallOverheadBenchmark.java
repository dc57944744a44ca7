package com.ctera.benchmarks.call;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import com.ctera.client.CteraPortal;
import com.ctera.client.users.PortalUser;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * One typed call, {@code users().get("alice")} (pipeline, session, transport, codec), against a plain
 * {@code WebClient} POST of the same get-multi envelope to the same simulator endpoint with the same kind of session
 * cookie, which only reads the answer's bytes. Latency at one caller, throughput at 32. The simulator runs in this
 * JVM, started once per trial; the plain call does not depend on the {@code interceptors} parameter and runs once.
 */
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m", "-Djava.net.preferIPv4Stack=true" })
public class CallOverheadBenchmark {

    private static final String USER = "alice";

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public PortalUser clientLatency(Client client) {
        return client.portal.users().get(USER);
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] plainLatency(Plain plain) {
        return plain.get();
    }

    @Benchmark
    @Threads(32)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PortalUser clientThroughput(Client client) {
        return client.portal.users().get(USER);
    }

    @Benchmark
    @Threads(32)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] plainThroughput(Plain plain) {
        return plain.get();
    }

    /** The simulator, started once per trial and shared by every benchmark thread. */
    @State(Scope.Benchmark)
    public static class Portal {

        CteraPortalSimulator simulator;

        @Setup(Level.Trial)
        public void start() {
            this.simulator = CteraPortalSimulator.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            this.simulator.close();
        }
    }

    /** The typed client, logged in, with the pipeline stages of the {@code interceptors} set. */
    @State(Scope.Benchmark)
    public static class Client {

        /** The pipeline stages the typed client runs through; see {@link InterceptorSets}. */
        @Param({ "none", "passthrough", "observation", "full" })
        public String interceptors;

        CteraPortal portal;

        @Setup(Level.Trial)
        public void start(Portal server) {
            SimulatorCredentials admin = server.simulator.adminCredentials();
            this.portal = InterceptorSets.apply(this.interceptors, CteraPortal.builder()
                .name("bench")
                .baseUrl(server.simulator.baseUrl())
                .credentials(admin.username(), admin.password())).build();
            // A benchmark that timed errors instead of answers would report nonsense: check once, and log in.
            if (!USER.equals(this.portal.users().get(USER).name())) {
                throw new IllegalStateException("the client did not read user " + USER);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            this.portal.close();
        }
    }

    /** The baseline: a plain {@code WebClient} call of the same endpoint (see {@link PlainUserCall}). */
    @State(Scope.Benchmark)
    public static class Plain {

        private PlainUserCall call;

        @Setup(Level.Trial)
        public void start(Portal server) {
            this.call = new PlainUserCall(server.simulator, USER);
        }

        @TearDown(Level.Trial)
        public void stop() {
            this.call.close();
        }

        byte[] get() {
            return this.call.get();
        }
    }
}
