package com.ctera.benchmarks.soak;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraException;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraPortalBuilder;
import com.ctera.client.PortalContext;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

/**
 * One soak: starts a simulator and two portals (a tenant administrator and an end user) in this process, then starts
 * {@code calls} calls of {@link SoakCalls} at a fixed rate on a pool of callers, each call under a fault drawn from
 * the {@link FaultMix}, while a sampler records heap after a collection, live threads, connections lent out and open
 * file descriptors. Retries are off, so every fault reaches its caller; the timeouts are short, so a delayed or
 * stalled answer ends its call in about two seconds.
 */
public final class SoakRun {

    /** How long the soak waits, after the last call started, for every call to end before it counts them as hung. */
    private static final Duration DRAIN = Duration.ofSeconds(60);

    /** Untyped failures kept word for word; the rest are only counted. */
    private static final int KEPT_FAILURES = 10;

    private final long calls;
    private final double rate;
    private final FaultMix mix;
    private final int callers;
    private final Duration sampleEvery;

    /**
     * @param calls how many calls to start
     * @param rate calls started per second
     * @param mix the faults and how often
     * @param callers threads that make calls; a call waits for a free one, so the rate holds only while they keep up
     * @param sampleEvery time between resource samples
     */
    public SoakRun(long calls, double rate, FaultMix mix, int callers, Duration sampleEvery) {
        if (calls < 1 || rate <= 0 || callers < 1 || sampleEvery.isNegative() || sampleEvery.isZero()) {
            throw new IllegalArgumentException("calls, rate, callers and the sample interval must be positive");
        }
        this.calls = calls;
        this.rate = rate;
        this.mix = mix;
        this.callers = callers;
        this.sampleEvery = sampleEvery;
    }

    public SoakReport run() {
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start()) {
            SimulatorCredentials adminLogin = simulator.tenantAdminCredentials();
            SimulatorCredentials userLogin = simulator.endUserCredentials();
            long folderId;
            // Set up with the default timeouts: the first calls of a JVM load classes and may take seconds.
            try (CteraPortal setup = CteraPortal.builder().name("soak-setup").baseUrl(simulator.baseUrl())
                    .context(PortalContext.SERVICES_PORTAL).credentials(userLogin.username(), userLogin.password())
                    .build()) {
                setup.files().mkdirs(SoakCalls.FOLDER);
                setup.files().upload(new ByteArrayInputStream(new byte[256 * 1024]), SoakCalls.FOLDER, "a.bin");
                folderId = setup.files().stat("My Files").cloudFolder().uid();
            }
            try (CteraPortal admin = portal(simulator, "soak-admin", adminLogin);
                    CteraPortal user = portal(simulator, "soak-user", userLogin)) {
                List<SoakCalls.Call> mixed = SoakCalls.mix(admin, user, userLogin.username(), folderId);
                return soak(simulator, mixed, () -> admin.connectionsInUse() + user.connectionsInUse());
            }
        }
    }

    private SoakReport soak(CteraPortalSimulator simulator, List<SoakCalls.Call> mixed, IntSupplier inUse) {
        ResourceProbe probe = new ResourceProbe(inUse);
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        List<String> untyped = Collections.synchronizedList(new ArrayList<>());
        AtomicLong ended = new AtomicLong();
        List<ResourceSample> samples = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(this.callers, daemon("soak-caller"));
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("soak-sampler"));
        Semaphore free = new Semaphore(this.callers);
        SplittableRandom random = new SplittableRandom(21);
        long period = (long) (1e9 / this.rate);
        long start = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> samples.add(probe.sample((System.nanoTime() - start) / 1_000_000,
                ended.get())), 0, this.sampleEvery.toMillis(), TimeUnit.MILLISECONDS);
        try {
            for (long i = 0; i < this.calls; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                free.acquireUninterruptibly();
                SoakCalls.Call call = mixed.get((int) (i % mixed.size()));
                @Nullable FaultRule fault = this.mix.draw(call.target(), random);
                long index = i / mixed.size();
                pool.execute(() -> {
                    try {
                        if (fault != null) {
                            simulator.faults().inject(fault);
                        }
                        call.call().run(index);
                        count(outcomes, "correct");
                    }
                    catch (CteraException typed) {
                        count(outcomes, typed.getClass().getSimpleName());
                    }
                    catch (RuntimeException | Error other) {
                        count(outcomes, "untyped " + other.getClass().getSimpleName());
                        if (untyped.size() < KEPT_FAILURES) {
                            untyped.add(call.name() + ": " + other);
                        }
                    }
                    finally {
                        ended.incrementAndGet();
                        free.release();
                    }
                });
            }
            boolean drained = free.tryAcquire(this.callers, DRAIN.toMillis(), TimeUnit.MILLISECONDS);
            long unfinished = drained ? 0 : this.calls - ended.get();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            sampler.shutdown();
            sampler.awaitTermination(30, TimeUnit.SECONDS);
            simulator.faults().clear();
            int inUseAtEnd = awaitNoneInUse(inUse);
            samples.add(probe.sample(took.toMillis(), ended.get()));
            List<ResourceSample> taken = List.copyOf(samples);
            return new SoakReport(this.calls, took, sorted(outcomes), List.copyOf(untyped), unfinished, taken,
                    trends(taken), inUseAtEnd);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The soak was interrupted", ex);
        }
        finally {
            sampler.shutdownNow();
            pool.shutdownNow();
        }
    }

    /**
     * The bounds of flat: the heap may rise by 16 MiB or 15% (the simulator in this process keeps a log record of
     * some calls), threads by 4, connections lent out by a quarter of the callers, open files by 16 plus that.
     */
    private List<Trend> trends(List<ResourceSample> samples) {
        double connections = Math.max(2, this.callers / 4.0);
        List<Trend> trends = new ArrayList<>();
        trends.add(Trend.of("heap after GC (MiB)", samples, s -> s.heapBytes() / 1048576.0, 16, 0.15));
        trends.add(Trend.of("live threads", samples, ResourceSample::threads, 4, 0));
        trends.add(Trend.of("connections in use", samples, ResourceSample::connectionsInUse, connections, 0));
        if (samples.stream().allMatch(s -> s.openFiles() >= 0)) {
            trends.add(Trend.of("open file descriptors", samples, ResourceSample::openFiles, 16 + 2 * connections,
                    0));
        }
        return trends;
    }

    private static int awaitNoneInUse(IntSupplier inUse) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (inUse.getAsInt() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return inUse.getAsInt();
    }

    private static void count(Map<String, LongAdder> outcomes, String outcome) {
        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> outcomes) {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((outcome, count) -> sorted.put(outcome, count.sum()));
        return sorted;
    }

    private static ThreadFactory daemon(String name) {
        AtomicLong number = new AtomicLong();
        return task -> {
            Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // Short timeouts: a delayed or stalled answer ends its call in about two seconds, so callers are not held long.
    private static CteraPortal portal(CteraPortalSimulator simulator, String name, SimulatorCredentials login) {
        CteraPortalBuilder builder = CteraPortal.builder().name(name).baseUrl(simulator.baseUrl())
                .context(PortalContext.SERVICES_PORTAL).credentials(login.username(), login.password())
                .readTimeout(Duration.ofSeconds(2)).attemptTimeout(Duration.ofSeconds(2))
                .transferMinThroughput(1024, Duration.ofMillis(250));
        CteraPortal portal = builder.build();
        portal.session();
        return portal;
    }
}
