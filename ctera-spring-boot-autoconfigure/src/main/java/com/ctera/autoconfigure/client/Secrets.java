package com.ctera.autoconfigure.client;

import org.jspecify.annotations.Nullable;

/** Renders secrets for {@code toString()}: whether one is set, never its value. */
final class Secrets {

    private Secrets() {
    }

    static String mask(@Nullable String secret) {
        return (secret == null) ? "null" : "******";
    }
}
