package com.ctera.benchmarks.startup;

import java.util.LinkedHashMap;
import java.util.Map;

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
            properties.put("spring.autoconfigure.exclude",
                    "com.ctera.autoconfigure.client.CteraClientAutoConfiguration,"
                            + "com.ctera.autoconfigure.health.CteraHealthContributorAutoConfiguration");
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
}
