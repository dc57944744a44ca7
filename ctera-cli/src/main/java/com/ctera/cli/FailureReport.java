package com.ctera.cli;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Collection;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraAuthenticationException;
import com.ctera.client.CteraException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraTimeoutException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.resilience.CteraCircuitOpenException;

/**
 * Turns what ended a command into its exit code and one line for standard error: what failed, why, and what to
 * try. Known secrets are blanked from the line as a last guard, although no exception of the client carries one.
 * @param exitCode the exit code (see {@link ExitCodes})
 * @param message the line, without the command's name
 */
public record FailureReport(int exitCode, String message) {

    private static final int MIN_SECRET_LENGTH = 4;

    /** The report for what ended a command; {@code secrets} are blanked wherever they appear. */
    public static FailureReport of(Throwable failure, Collection<String> secrets) {
        FailureReport report = classify(failure);
        String line = report.message().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
        for (String secret : secrets) {
            // Shorter values are not secrets worth the name, and blanking them would garble ordinary words.
            if (secret.length() >= MIN_SECRET_LENGTH) {
                line = line.replace(secret, "****");
            }
        }
        return new FailureReport(report.exitCode(), line);
    }

    private static FailureReport classify(Throwable failure) {
        if (failure instanceof CliFailure cli) {
            return new FailureReport(cli.exitCode(), cli.getMessage());
        }
        CteraException ctera = find(failure, CteraException.class);
        if (ctera instanceof CteraAccessDeniedException) {
            return new FailureReport(ExitCodes.AUTHENTICATION, ctera.getMessage()
                    + "; the user lacks the rights: use an administrator's portal (--portal NAME)");
        }
        if (ctera instanceof CteraAuthenticationException) {
            return new FailureReport(ExitCodes.AUTHENTICATION, ctera.getMessage()
                    + "; check the user name and password (ctera configure, --password-stdin or CTERA_PORTAL_PASSWORD)");
        }
        if (ctera instanceof CteraNotFoundException) {
            return new FailureReport(ExitCodes.NOT_FOUND, ctera.getMessage());
        }
        if (ctera instanceof CteraTransportException || ctera instanceof CteraTimeoutException
                || ctera instanceof CteraCircuitOpenException || unreachable(failure)) {
            return new FailureReport(ExitCodes.UNREACHABLE, "portal unreachable: " + describe(failure)
                    + "; check the portal URL (ctera portals) and the network");
        }
        if (ctera != null) {
            return new FailureReport(ExitCodes.OTHER, ctera.getMessage());
        }
        if (failure instanceof IllegalArgumentException) {
            return new FailureReport(ExitCodes.USAGE, describe(failure));
        }
        BindValidationException invalid = find(failure, BindValidationException.class);
        if (invalid != null) {
            return new FailureReport(ExitCodes.OTHER, "invalid configuration: " + invalid.getValidationErrors()
                .getAllErrors()
                .stream()
                .map((error) -> String.valueOf(error.getDefaultMessage()))
                .collect(Collectors.joining("; ")));
        }
        if (failure.getClass().getName().startsWith("org.springframework.")) {
            return new FailureReport(ExitCodes.OTHER, "invalid configuration: " + describe(root(failure)));
        }
        return new FailureReport(ExitCodes.OTHER, describe(failure) + " (run with --debug for details)");
    }

    private static boolean unreachable(Throwable failure) {
        return find(failure, ConnectException.class) != null || find(failure, UnknownHostException.class) != null
                || find(failure, UnresolvedAddressException.class) != null;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
