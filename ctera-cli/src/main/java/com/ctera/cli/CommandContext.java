package com.ctera.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Starts a command's Spring context: the given configuration class on the command's configuration files, profile and
 * environment variables, with no web server, no banner, lazy beans and no shutdown hook (the command closes it);
 * {@code --debug} logs the starter and client at debug level.
 */
final class CommandContext {

    private CommandContext() {
    }

    /**
     * Starts the context.
     * @param properties the command's own settings, above every other source
     * @param listeners listeners added to the application (such as one reading the prepared environment)
     */
    static ConfigurableApplicationContext start(CliEnvironment environment, ConfigLocations locations,
            @Nullable String profile, boolean debug, Class<?> configuration, Map<String, Object> properties,
            ApplicationListener<?>... listeners) {
        if (profile != null) {
            locations.requireProfile(profile);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("spring.config.location", locations.springConfigLocation());
        if (debug) {
            all.put("logging.level.com.ctera", "debug");
        }
        all.putAll(properties);
        SpringApplication application = new SpringApplication(configuration);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setLazyInitialization(true);
        application.setRegisterShutdownHook(false);
        application.setEnvironment(new CommandEnvironment(environment.variables(), all));
        // Below every other source, so a configuration can turn it back on: the starter's warning when a portal
        // goes down is for an application's log; a command's one line on stderr already says what failed.
        application.setDefaultProperties(Map.of("logging.level.com.ctera.autoconfigure.client.PortalStateLog", "error"));
        application.addListeners(listeners);
        application.addListeners(new ApplicationListener<ApplicationPreparedEvent>() {

            @Override
            public void onApplicationEvent(ApplicationPreparedEvent event) {
                CommandLogFormatter.install();
            }
        });
        if (profile != null) {
            application.setAdditionalProfiles(profile);
        }
        return application.run();
    }

    /** The process's environment, or a test's, with the command's own settings on top of every other source. */
    private static final class CommandEnvironment extends StandardEnvironment {

        CommandEnvironment(Map<String, String> variables, Map<String, Object> commandProperties) {
            MutablePropertySources sources = getPropertySources();
            sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new LinkedHashMap<>(variables)));
            sources.addFirst(new MapPropertySource("cteraCommand", commandProperties));
        }
    }
}
