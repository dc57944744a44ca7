package com.ctera.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import com.ctera.client.CteraPortal;

/**
 * The {@code ctera} command: the options every subcommand shares, and the portal connection, printer and
 * standard input they use. Its subcommands are added by {@link CteraCli} (only the one that runs, when it can tell).
 */
@Command(name = "ctera", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = CliVersion.class, sortOptions = false,
        description = "Manage CTERA Portal users, devices, files and logs, and write reports, from the command line.%n"
                + "Reads ctera.* settings from ~/.config/ctera/application.yml (or $XDG_CONFIG_HOME/ctera), "
                + "./application.yml and CTERA_* environment variables, as an application using the starter does.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:success", "1:other failure", "2:usage: bad command line, unknown profile or portal",
                "3:authentication failed", "4:not found", "5:partial failure: some items failed",
                "6:portal unreachable" })
public final class CteraCommand implements AutoCloseable {

    @Option(names = "--portal", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The configured portal to use when there are several.")
    @Nullable String portalName;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "A Spring profile: also reads application-NAME.yml.")
    @Nullable String profile;

    @Option(names = "--format", paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            description = "table, json, yaml or csv (default: table on a terminal, json when piped); "
                    + "reports also html.")
    @Nullable OutputFormat format;

    @Option(names = { "-q", "--quiet" }, scope = ScopeType.INHERIT,
            description = "Only the key of each result (name or path); no progress bars or confirmations.")
    boolean quiet;

    @Option(names = "--password-stdin", scope = ScopeType.INHERIT,
            description = "Read the portal password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On failure, also print the stack trace; log the client at debug level.")
    boolean debug;

    private static final Pattern SECRET_VARIABLE = Pattern.compile("(?i).*(PASSWORD|TOKEN|SECRET).*");

    private final CliEnvironment environment;

    private @Nullable BufferedReader input;

    private @Nullable String password;

    private @Nullable PortalConnection connection;

    private @Nullable WebhookStore webhookStore;

    private final List<Runnable> afterClose = new ArrayList<>();

    /** The command on the real process's streams and environment (used by picocli's completion generator). */
    public CteraCommand() {
        this(CliEnvironment.system());
    }

    /** The command in the given surroundings. */
    public CteraCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** The surroundings the command runs in. */
    CliEnvironment environment() {
        return this.environment;
    }

    /** The portal the command works on. */
    CteraPortal portal() {
        return connection().portal();
    }

    /** The configured portals. */
    PortalConnection connection() {
        if (this.connection == null) {
            this.connection = new PortalConnection(this.environment, this.profile, this.portalName,
                    this.passwordStdin ? readPassword() : null, this.debug);
        }
        return this.connection;
    }

    /** The application's webhook store (no portal is contacted). */
    WebhookStore webhookStore() {
        if (this.webhookStore == null) {
            this.webhookStore = new WebhookStore(this.environment, this.profile, this.debug);
        }
        return this.webhookStore;
    }

    /** Writes results in the chosen or default format. */
    ResultPrinter printer() {
        OutputFormat chosen = (this.format != null) ? this.format
                : this.environment.outTerminal() ? OutputFormat.TABLE : OutputFormat.JSON;
        return new ResultPrinter(this.environment.out(), chosen, this.quiet);
    }

    /** The format --format names, if any. */
    @Nullable OutputFormat format() {
        return this.format;
    }

    /** Whether only keys are wanted. */
    boolean quiet() {
        return this.quiet;
    }

    /** Whether --password-stdin was given. */
    boolean passwordStdin() {
        return this.passwordStdin;
    }

    /** Whether --debug was given. */
    boolean debug() {
        return this.debug;
    }

    /** The profile --profile names, if any. */
    @Nullable String profile() {
        return this.profile;
    }

    /** The portal --portal names, if any. */
    @Nullable String portalName() {
        return this.portalName;
    }

    /** Reads one line of standard input, or {@code null} at its end; every reader of stdin shares one buffer. */
    @Nullable String readLine() {
        if (this.input == null) {
            this.input = new BufferedReader(new InputStreamReader(this.environment.in(), StandardCharsets.UTF_8));
        }
        try {
            return this.input.readLine();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The password from the first line of standard input (--password-stdin). */
    String readPassword() {
        String line = readLine();
        if (line == null || line.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, "--password-stdin: standard input holds no password");
        }
        this.password = line;
        return line;
    }

    /** Values no output may show: the password read from standard input and secret environment variables. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (this.password != null) {
            secrets.add(this.password);
        }
        this.environment.variables().forEach((name, value) -> {
            if (SECRET_VARIABLE.matcher(name).matches()) {
                secrets.add(value);
            }
        });
        return secrets;
    }

    /** Runs {@code action} once the command has ended and its portals are logged out. */
    void afterClose(Runnable action) {
        this.afterClose.add(action);
    }

    @Override
    public void close() {
        try {
            if (this.connection != null) {
                this.connection.close();
            }
            if (this.webhookStore != null) {
                this.webhookStore.close();
            }
        }
        finally {
            this.afterClose.forEach(Runnable::run);
        }
    }
}
