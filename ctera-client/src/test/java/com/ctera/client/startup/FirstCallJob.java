package com.ctera.client.startup;

import java.net.URI;

import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.users.UserQuery;

/**
 * The job whose class loading {@link FirstCallClassLoadTest} counts, run in a child JVM: build a portal, make the
 * first call (login, bootstrap, list 10 users). {@link Done} is loaded right after the first call so the log marks
 * where the counted part ends; closing the portal is not counted.
 */
public final class FirstCallJob {

    /** The environment variable that carries the password, kept off the child's command line. */
    static final String PASSWORD_VARIABLE = "CTERA_FIRST_CALL_PASSWORD";

    private FirstCallJob() {
    }

    public static void main(String[] args) {
        try (CteraPortal portal = CteraPortal.builder()
            .name("first-call")
            .baseUrl(URI.create(args[0]))
            .context(PortalContext.ADMIN)
            .credentials(args[1], System.getenv(PASSWORD_VARIABLE))
            .build()) {
            long listed = portal.users().list(UserQuery.builder().pageSize(10).build()).limit(10).count();
            Done.mark(listed);
        }
    }

    /** Loaded only after the first call: its line in the class-load log ends the counted part. */
    static final class Done {

        private Done() {
        }

        static void mark(long listed) {
            if (listed == 0) {
                throw new IllegalStateException("the first call listed no user");
            }
        }
    }
}
