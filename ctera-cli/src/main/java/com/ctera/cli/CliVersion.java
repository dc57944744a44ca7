package com.ctera.cli;

import picocli.CommandLine.IVersionProvider;

/** The version {@code ctera --version} prints: the jar's implementation version. */
final class CliVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CliVersion.class.getPackage().getImplementationVersion();
        return new String[] { "ctera " + ((version != null) ? version : "(development build)"),
                "Java " + System.getProperty("java.version") };
    }
}
