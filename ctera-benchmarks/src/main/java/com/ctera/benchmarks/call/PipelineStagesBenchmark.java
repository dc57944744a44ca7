package com.ctera.benchmarks.call;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraOperation;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallPipeline;

/**
 * The pipeline stages alone, with no network and no simulator: each call wraps an exchange that answers at once and
 * blocks for it, as {@code users().get} does. What the stages cost per call in CPU and allocation ({@code -prof gc}),
 * free of the load on a shared machine; the difference to {@code none} is what the stages add to a real call.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms256m", "-Xmx256m" })
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PipelineStagesBenchmark {

    private static final CallContext CALL = new CallContext(InterceptorSets.PORTAL, CteraOperation.USERS_GET);

    private static final String ANSWER = "alice";

    @Benchmark
    public String call(Stages stages) {
        return stages.pipeline.wrap(CALL, Mono.fromSupplier(() -> ANSWER)).block();
    }

    /** The stages of one interceptor set, built once. */
    @State(Scope.Benchmark)
    public static class Stages {

        /** The stages to run through; see {@link InterceptorSets}. */
        @Param({ "none", "passthrough", "observation", "full", "full-deadline", "deadline", "retry", "breaker", "limiter" })
        public String interceptors;

        CallPipeline pipeline;

        @Setup
        public void build() {
            this.pipeline = CallPipeline.of(InterceptorSets.interceptors(this.interceptors));
        }
    }
}
