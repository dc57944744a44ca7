package com.ctera.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.ctera.autoconfigure.client.CteraProperties;
import com.ctera.autoconfigure.client.CteraPortals;
import com.ctera.client.CteraPortal;

/**
 * The portals of the configuration, from a Spring context started on first use (so {@code --help} and
 * {@code configure} start none) and closed, logging the portals out, when the command ends.
 */
public final class PortalConnection implements AutoCloseable {

    private final CliEnvironment environment;

    private final ConfigLocations locations;

    private final @Nullable String profile;

    private final @Nullable String portalName;

    private final @Nullable String password;

    private final boolean debug;

    private @Nullable ConfigurableApplicationContext context;

    PortalConnection(CliEnvironment environment, @Nullable String profile, @Nullable String portalName,
            @Nullable String password, boolean debug) {
        this.environment = environment;
        this.locations = new ConfigLocations(environment);
        this.profile = profile;
        this.portalName = portalName;
        this.password = password;
        this.debug = debug;
    }

    /** Every configured portal by name. */
    public CteraPortals portals() {
        return context().getBean(CteraPortals.class);
    }

    /**
     * The portal {@code --portal} names, else the only or primary one.
     * @throws CliFailure when there is no such portal, none at all, or several and no primary
     */
    public CteraPortal portal() {
        CteraPortals portals = portals();
        if (portals.names().isEmpty()) {
            throw new CliFailure(ExitCodes.OTHER, "no portal configured: run 'ctera configure', or set "
                    + "CTERA_PORTAL_URL (or ctera.portals.<name>.url in " + this.locations.userDirectory()
                    + "/application.yml or ./application.yml)");
        }
        if (this.portalName != null) {
            return portals.find(this.portalName)
                .orElseThrow(() -> new CliFailure(ExitCodes.USAGE, "unknown portal '" + this.portalName
                        + "'; configured: " + String.join(", ", portals.names())));
        }
        try {
            return context().getBean(CteraPortal.class);
        }
        catch (NoUniqueBeanDefinitionException ex) {
            throw new CliFailure(ExitCodes.USAGE, "several portals are configured (" + String.join(", ", portals.names())
                    + "); pick one with --portal NAME or set ctera.primary");
        }
    }

    /**
     * The bean of {@code type} the starter made for the command's portal (its {@code CteraBulk} or
     * {@code PortalAnalytics}), found by the portal's name as its qualifier.
     */
    public <T> T forPortal(Class<T> type) {
        CteraPortal portal = portal();
        return BeanFactoryAnnotationUtils.qualifiedBeanOfType(context().getBeanFactory(), type, portal.name());
    }

    private ConfigurableApplicationContext context() {
        if (this.context == null) {
            this.context = CommandContext.start(this.environment, this.locations, this.profile, this.debug,
                    CliApplication.class, commandProperties(), (ApplicationListener<ApplicationEnvironmentPreparedEvent>) this::applyPassword);
        }
        return this.context;
    }

    private Map<String, Object> commandProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        // A command never talks to a simulator it started itself, even when one is on the class path.
        properties.put("ctera.simulator.enabled", "false");
        // A command lives seconds: recording usage snapshots on a schedule is an application's job.
        properties.put("ctera.analytics.snapshots.enabled", "false");
        return properties;
    }

    /**
     * Gives {@code --password-stdin}'s password to the portal the command uses, once the configuration files are
     * read: the {@code --portal} one, else the primary or only one, else every one.
     */
    private void applyPassword(ApplicationEnvironmentPreparedEvent event) {
        String secret = this.password;
        if (secret == null) {
            return;
        }
        ConfigurableEnvironment environment = event.getEnvironment();
        CteraProperties properties = Binder.get(environment).bind("ctera", CteraProperties.class)
            .orElseGet(CteraProperties::new);
        Set<String> names = properties.configuredPortals().keySet();
        List<String> targets = (this.portalName != null) ? List.of(this.portalName)
                : (properties.getPrimary() != null) ? List.of(properties.getPrimary())
                : List.copyOf(names);
        Map<String, Object> passwords = new LinkedHashMap<>();
        for (String target : targets) {
            boolean shorthand = !properties.getPortals().containsKey(target);
            passwords.put(shorthand ? "ctera.portal.password" : "ctera.portals." + target + ".password", secret);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("cteraPasswordStdin", passwords));
    }

    @Override
    public void close() {
        if (this.context != null) {
            this.context.close();
            this.context = null;
        }
    }
}
