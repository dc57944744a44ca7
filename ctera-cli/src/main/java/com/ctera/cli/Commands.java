package com.ctera.cli;

import org.jspecify.annotations.Nullable;

/** Helpers the subcommands share. */
final class Commands {

    private Commands() {
    }

    /** The {@code ctera} command a subcommand runs under; picocli always injects it. */
    static CteraCommand root(@Nullable CteraCommand root) {
        if (root == null) {
            throw new IllegalStateException("a subcommand runs under the ctera command");
        }
        return root;
    }
}
