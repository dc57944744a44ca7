package com.ctera.client.resilience;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL that shared-limit tests use; a test that needs it fails, with how to start it, when it is absent. */
final class TestPostgres {

    static final String URL_VARIABLE = "CTERA_TEST_POSTGRES_URL";

    private TestPostgres() {
    }

    static DataSource dataSource() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            url = System.getProperty(URL_VARIABLE);
        }
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("This test needs PostgreSQL: run `eval \"$(.ci/postgres start)\"` from the "
                    + "project root (or set " + URL_VARIABLE + " to a jdbc:postgresql:// URL), then run the tests again");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setConnectTimeout(2);
        try (Connection connection = dataSource.getConnection()) {
            return dataSource;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL at " + URL_VARIABLE + " does not answer (" + ex.getMessage()
                    + "): start it with `eval \"$(.ci/postgres start)\"` from the project root", ex);
        }
    }
}
