package com.ctera.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.ctera.autoconfigure.store.CteraStore;
import com.ctera.autoconfigure.webhooks.CteraWebhooksProperties;
import com.ctera.client.webhooks.WebhookOutbox;

/**
 * The application's webhook deliveries, in the store its configuration names, through a context of
 * {@link CliWebhooksApplication} started on first use and closed when the command ends.
 */
final class WebhookStore implements AutoCloseable {

    private static final String STORE_PATH = "ctera.store.path";

    // H2's "database already open" (the embedded store allows one process at a time).
    private static final int H2_DATABASE_IN_USE = 90020;

    private final CliEnvironment environment;

    private final ConfigLocations locations;

    private final @Nullable String profile;

    private final boolean debug;

    private @Nullable ConfigurableApplicationContext context;

    private @Nullable Path embeddedFile;

    WebhookStore(CliEnvironment environment, @Nullable String profile, boolean debug) {
        this.environment = environment;
        this.locations = new ConfigLocations(environment);
        this.profile = profile;
        this.debug = debug;
    }

    /** The configured endpoints, {@code ctera.webhooks.endpoints.*}, by name. */
    Map<String, CteraWebhooksProperties.Endpoint> configured() {
        return new TreeMap<>(context().getBean(CteraWebhooksProperties.class).getEndpoints());
    }

    /**
     * The outbox, its database opened.
     * @throws CliFailure when the embedded store does not exist, is held by a running application, or the
     * database does not answer
     */
    WebhookOutbox outbox() {
        ConfigurableApplicationContext started = context();
        CteraStore store = started.getBean(CteraStore.class);
        Path file = this.embeddedFile;
        if (store.embedded() && file != null && !Files.isRegularFile(file)) {
            throw new CliFailure(ExitCodes.OTHER, "no webhook store at " + file + ": set " + STORE_PATH
                    + " to the application's (relative paths are from the working directory), or "
                    + "spring.datasource.url when it keeps its tables in a database of its own");
        }
        try {
            store.dataSource();
        }
        catch (RuntimeException ex) {
            throw unavailable(ex, store.embedded());
        }
        return started.getBean(WebhookOutbox.class);
    }

    private static CliFailure unavailable(RuntimeException failure, boolean embedded) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (embedded && cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return new CliFailure(ExitCodes.OTHER, "the webhook store is in use by a running application (its "
                        + "embedded H2 file opens in one process at a time): stop the application, or keep the "
                        + "store in a shared database (spring.datasource.url) to use the command beside it");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return new CliFailure(ExitCodes.OTHER, "the webhook store cannot be opened: " + failure.getMessage()
                + "; check " + (embedded ? STORE_PATH : "spring.datasource.url") + " (--debug shows the cause)");
    }

    private ConfigurableApplicationContext context() {
        if (this.context == null) {
            this.context = CommandContext.start(this.environment, this.locations, this.profile, this.debug,
                    CliWebhooksApplication.class, Map.of(),
                    (ApplicationListener<ApplicationEnvironmentPreparedEvent>) this::resolveStorePath);
        }
        return this.context;
    }

    /**
     * Makes a relative {@code ctera.store.path} relative to the command's working directory (as the application's is
     * to its own), and remembers the H2 file it names.
     */
    private void resolveStorePath(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String configured = environment.getProperty(STORE_PATH, "./ctera-store/ctera");
        if (configured.isBlank()) {
            return; // the starter refuses it, naming the property
        }
        Path path = this.environment.workingDirectory().resolve(configured).toAbsolutePath().normalize();
        this.embeddedFile = Path.of(path + ".mv.db");
        environment.getPropertySources()
            .addFirst(new MapPropertySource("cteraStorePath", Map.of(STORE_PATH, path.toString())));
    }

    @Override
    public void close() {
        if (this.context != null) {
            this.context.close();
            this.context = null;
        }
    }
}
