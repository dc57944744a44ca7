package com.ctera.benchmarks.startup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * One application set-up whose start-up is timed: the starter switched off, or on with a number of portals.
 * @param label how the scenario is reported
 * @param portals how many portals are configured; {@code -1} for the application without the starter
 */
record StartupScenario(String label, int portals) {

    /** The same application with the starter's auto-configurations excluded: the baseline. */
    static StartupScenario withoutStarter() {
        return new StartupScenario("without the starter", -1);
    }

    /** The starter with this many portals, all pointing at {@code url}. */
    static StartupScenario withPortals(int portals) {
        return new StartupScenario(portals + ((portals == 1) ? " portal" : " portals"), portals);
    }

    /** The properties that set the scenario up against a portal at {@code url}. */
    Map<String, Object> properties(String url, String username, String password) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.web-application-type", "none");
        if (this.portals < 0) {
            properties.put("spring.autoconfigure.exclude", String.join(",", starterAutoConfigurations()));
            return properties;
        }
        // Configured portals only: with a portal configured the embedded simulator stays off by default. The key
        // that says so is not set here: the shaded jar keeps only one configuration-metadata file, not the
        // starter's, and the starter's check of unknown keys would refuse it.
        for (int i = 0; i < this.portals; i++) {
            String prefix = "ctera.portals.portal" + i + ".";
            properties.put(prefix + "url", url);
            properties.put(prefix + "username", username);
            properties.put(prefix + "password", password);
        }
        return properties;
    }

    // Every auto-configuration the starter lists, read where Boot reads them: naming two of them here left the
    // others (which need the portal definitions) in the baseline, and it stopped starting when they came to need them.
    private static List<String> starterAutoConfigurations() {
        List<String> names = ImportCandidates.load(AutoConfiguration.class, StartupScenario.class.getClassLoader())
            .getCandidates()
            .stream()
            .filter((name) -> name.startsWith("com.ctera."))
            .toList();
        if (names.isEmpty()) {
            throw new IllegalStateException("no CTERA auto-configuration found among Spring Boot's import candidates");
        }
        return names;
    }
}
