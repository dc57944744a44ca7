package com.ctera.autoconfigure.startup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

import com.ctera.client.CteraPortal;

/**
 * The application whose class loading {@link StarterRefreshClassLoadTest} counts, run in a child JVM: the smallest
 * Spring Boot application, with the starter and two portals ({@code starter}) or with every auto-configuration of
 * the starter excluded ({@code without}). {@link Refreshed} is loaded once the context has started, so the log marks
 * where the counted part ends.
 *
 * <p>Arguments: {@code starter|without url username storePath}, the password in {@link #PASSWORD_VARIABLE}.
 */
public final class StarterRefreshJob {

    /** The environment variable that carries the password, kept off the child's command line. */
    static final String PASSWORD_VARIABLE = "CTERA_REFRESH_JOB_PASSWORD";

    private StarterRefreshJob() {
    }

    public static void main(String[] args) {
        boolean starter = args[0].equals("starter");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.web-application-type", "none");
        properties.put("ctera.store.path", args[3]);
        if (starter) {
            for (int i = 0; i < 2; i++) {
                properties.put("ctera.portals.portal" + i + ".url", args[1]);
                properties.put("ctera.portals.portal" + i + ".username", args[2]);
                properties.put("ctera.portals.portal" + i + ".password", System.getenv(PASSWORD_VARIABLE));
            }
        }
        else {
            properties.put("spring.autoconfigure.exclude", String.join(",", starterAutoConfigurations()));
        }
        SpringApplication application = new SpringApplication(Application.class);
        application.setDefaultProperties(properties);
        application.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = application.run()) {
            Refreshed.mark(context, starter);
        }
    }

    private static List<String> starterAutoConfigurations() {
        return ImportCandidates.load(AutoConfiguration.class, StarterRefreshJob.class.getClassLoader()).getCandidates()
            .stream()
            .filter((name) -> name.startsWith("com.ctera."))
            .toList();
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

    }

    /** Loaded only after the context has started: its line in the class-load log ends the counted part. */
    static final class Refreshed {

        private Refreshed() {
        }

        static void mark(ConfigurableApplicationContext context, boolean starter) {
            int portals = context.getBeansOfType(CteraPortal.class).size();
            if (portals != (starter ? 2 : 0)) {
                throw new IllegalStateException("expected " + (starter ? 2 : 0) + " portals, found " + portals);
            }
        }
    }
}
