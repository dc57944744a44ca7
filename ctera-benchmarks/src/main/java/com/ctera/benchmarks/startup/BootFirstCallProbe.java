package com.ctera.benchmarks.startup;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot job that {@link BootFirstCallRunner} starts in a fresh JVM per sample: the smallest application
 * ({@link StartupApplication}) with the starter and two portals, whose {@code ctera} health is checked once (a
 * login and a session check per portal), or the same application without the starter. It prints one line of timings
 * in {@link FirstCallProbe}'s format and nothing else.
 *
 * <p>Arguments: {@code url username starter|without}, the password in {@code CTERA_PROBE_PASSWORD}.
 */
public final class BootFirstCallProbe {

    /** The portals the starter is given. */
    static final int PORTALS = 2;

    private BootFirstCallProbe() {
    }

    public static void main(String[] args) {
        String password = System.getenv(FirstCallProbe.PASSWORD_VARIABLE);
        if (args.length != 3 || password == null) {
            throw new IllegalArgumentException("expected: url username starter|without, and the password in "
                    + FirstCallProbe.PASSWORD_VARIABLE);
        }
        boolean starter = switch (args[2]) {
            case "starter" -> true;
            case "without" -> false;
            default -> throw new IllegalArgumentException("mode must be 'starter' or 'without', was '" + args[2]
                    + "'");
        };
        long start = System.nanoTime();
        SpringApplication application = new SpringApplication(StartupApplication.class);
        StartupScenario scenario = starter ? StartupScenario.withPortals(PORTALS) : StartupScenario.withoutStarter();
        Map<String, Object> properties = scenario.properties(args[0], args[1], password);
        if (starter) {
            // The check's own bound (default 5 s) is for a running application; a cold JVM on a loaded machine may
            // need longer for its first login, and the figure wants the answer, not the time-out.
            properties.put("ctera.health.timeout", "2m");
        }
        application.setDefaultProperties(properties);
        application.setLogStartupInfo(false);
        long refreshed;
        long first;
        long health;
        try (ConfigurableApplicationContext context = application.run()) {
            refreshed = System.nanoTime();
            first = refreshed;
            health = refreshed;
            if (starter) {
                CompositeHealthContributor ctera = context.getBean("cteraHealthContributor",
                        CompositeHealthContributor.class);
                for (int i = 0; i < PORTALS; i++) {
                    checkUp(ctera.getContributor("portal" + i), i);
                    if (i == 0) {
                        first = System.nanoTime();
                    }
                }
                health = System.nanoTime();
            }
        }
        long closed = System.nanoTime();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
        System.out.println(FirstCallProbe.RESULT_PREFIX + String.format(Locale.ROOT,
                "refresh=%d first=%d health=%d close=%d cpu=%d", refreshed - start, first - refreshed,
                health - refreshed, closed - health, cpu));
    }

    // The figure means nothing unless the check reached the portal and it answered.
    private static void checkUp(HealthContributor contributor, int portal) {
        if (!(contributor instanceof HealthIndicator indicator)) {
            throw new IllegalStateException("portal" + portal + " has no health indicator: " + contributor);
        }
        Health health = indicator.health();
        if (health == null || !Status.UP.equals(health.getStatus())) {
            throw new IllegalStateException("portal" + portal + " is not UP: " + health);
        }
    }
}
