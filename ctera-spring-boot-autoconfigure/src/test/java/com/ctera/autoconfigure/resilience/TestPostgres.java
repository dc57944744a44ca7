package com.ctera.autoconfigure.resilience;

/** The PostgreSQL that shared-limit tests use; a test that needs it fails, with how to start it, when it is absent. */
final class TestPostgres {

    static final String URL_VARIABLE = "CTERA_TEST_POSTGRES_URL";

    private TestPostgres() {
    }

    static String url() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            url = System.getProperty(URL_VARIABLE);
        }
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("This test needs PostgreSQL: run `eval \"$(.ci/postgres start)\"` from the "
                    + "project root (or set " + URL_VARIABLE + " to a jdbc:postgresql:// URL), then run the tests again");
        }
        return url;
    }
}
