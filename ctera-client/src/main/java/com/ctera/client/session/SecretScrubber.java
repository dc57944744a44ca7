package com.ctera.client.session;

import java.lang.reflect.Constructor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraException;
import com.ctera.client.CteraThrottledException;

/**
 * Removes the credentials the client holds (password, bearer token, session cookie) from a failure's message and
 * from every message of its causes. A portal may echo what it was sent, such as the login form with
 * {@code j_password=...}, into an error the client turns into a message; the failure is then rebuilt as the same
 * type with the secrets masked. A failure that mentions none is returned as it is, so the common path costs a few
 * {@code contains} checks.
 */
final class SecretScrubber {

    /** What a secret is replaced with. */
    static final String MASK = "****";

    // Shorter values would mask ordinary words in every message; the shortest password the portal accepts is longer.
    private static final int MIN_LENGTH = 4;

    private SecretScrubber() {
    }

    /** The failure, or a copy of it without the secrets when one of its messages mentions any. */
    static Throwable scrub(Throwable error, Collection<String> secrets) {
        List<String> forms = forms(secrets);
        if (forms.isEmpty() || !mentions(error, forms)) {
            return error;
        }
        return rebuilt(error, forms, 0);
    }

    // A secret can come back as sent: raw in a JSON or XML text, or form-encoded when the portal echoes a form.
    private static List<String> forms(Collection<String> secrets) {
        List<String> forms = new ArrayList<>(secrets.size() * 2);
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_LENGTH) {
                forms.add(secret);
                String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
                if (!encoded.equals(secret)) {
                    forms.add(encoded);
                    forms.add(encoded.replace("+", "%20"));
                }
            }
        }
        return forms;
    }

    private static boolean mentions(Throwable error, List<String> forms) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (mentions(cause.getMessage(), forms)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(@Nullable String text, List<String> forms) {
        if (text == null) {
            return false;
        }
        for (String form : forms) {
            if (text.contains(form)) {
                return true;
            }
        }
        return false;
    }

    private static String masked(String text, List<String> forms) {
        String masked = text;
        for (String form : forms) {
            masked = masked.replace(form, MASK);
        }
        return masked;
    }

    private static Throwable rebuilt(Throwable error, List<String> forms, int depth) {
        Throwable cause = error.getCause();
        Throwable scrubbedCause = (cause != null && cause != error && depth < 32) ? rebuilt(cause, forms, depth + 1)
                : null;
        String message = (error.getMessage() != null) ? masked(error.getMessage(), forms) : null;
        Throwable copy = (error instanceof CteraException known)
                ? sameType(known, (message != null) ? message : "", scrubbedCause)
                : new ScrubbedException(error.getClass().getName() + ((message != null) ? ": " + message : ""),
                        scrubbedCause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    private static CteraException sameType(CteraException error, String message, @Nullable Throwable cause) {
        if (error instanceof CteraThrottledException throttled) {
            return new CteraThrottledException(error.operation(), error.status(), message,
                    throttled.retryAfter().orElse(null), cause);
        }
        try {
            Constructor<? extends CteraException> constructor = error.getClass()
                .getConstructor(String.class, int.class, String.class, Throwable.class);
            return constructor.newInstance(error.operation(), error.status(), message, cause);
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            // A type without the usual constructor still reaches the caller as a CteraException, secret-free.
            return new CteraException(error.operation(), error.status(), message, cause);
        }
    }

    /** A cause whose message held a secret, kept with its type's name, its masked message and its stack. */
    static final class ScrubbedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ScrubbedException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
