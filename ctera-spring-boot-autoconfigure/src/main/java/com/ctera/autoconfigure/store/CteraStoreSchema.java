package com.ctera.autoconfigure.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Applies the shipped schema script of a dialect ({@code com/ctera/autoconfigure/store/schema-<dialect>.sql}) and the
 * client's usage snapshot table ({@code com/ctera/client/analytics/usage-snapshots.sql}). Every statement is
 * {@code IF NOT EXISTS}, so applying them again is harmless.
 */
final class CteraStoreSchema {

    private CteraStoreSchema() {
    }

    // The analytics' usage snapshot table, in portable SQL the client ships for users without the starter.
    static final String USAGE_SNAPSHOTS = "com/ctera/client/analytics/usage-snapshots.sql";

    static String scriptLocation(CteraStore.Dialect dialect) {
        return "com/ctera/autoconfigure/store/schema-" + dialect.scriptName() + ".sql";
    }

    static void apply(DataSource dataSource, CteraStore.Dialect dialect) {
        applyScript(dataSource, scriptLocation(dialect));
        applyScript(dataSource, USAGE_SNAPSHOTS);
    }

    private static void applyScript(DataSource dataSource, String location) {
        String script;
        try (InputStream in = CteraStoreSchema.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("The CTERA store's schema script is missing: " + location);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + location, ex);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : withoutComments(script).split(";")) {
                String trimmed = sql.strip();
                if (!trimmed.isEmpty()) {
                    statement.execute(trimmed);
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot apply the CTERA store's schema (" + location + "): "
                    + ex.getMessage(), ex);
        }
    }

    private static String withoutComments(String sql) {
        StringBuilder kept = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
