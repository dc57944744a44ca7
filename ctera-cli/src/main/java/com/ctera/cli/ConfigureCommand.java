package com.ctera.cli;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Writes a portal's settings to the per-user configuration: {@code application.yml}, or
 * {@code application-<profile>.yml} with {@code --profile}. The password goes to a file only the user can read,
 * imported as a Spring config tree; it is read without echo and never printed.
 */
@Command(name = "configure", description = "Write a portal's URL, context and user to the per-user configuration "
        + "(a profile with --profile); the password goes to a file only you can read.")
final class ConfigureCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    @ParentCommand
    @Nullable CteraCommand root;

    @Option(names = "--name", paramLabel = "PORTAL", description = "The portal's name in ctera.portals (default: "
            + "the --portal option, else 'default').")
    @Nullable String name;

    @Option(names = "--url", description = "The portal URL, such as https://portal.example.com (asked if absent).")
    @Nullable String url;

    @Option(names = "--context", description = "admin or services-portal (asked if absent; default admin).")
    @Nullable String context;

    @Option(names = "--username", description = "The user to log in as (asked if absent).")
    @Nullable String username;

    @Option(names = "--no-password", description = "Store no password: give it with --password-stdin or "
            + "CTERA_PORTALS_<NAME>_PASSWORD when running commands.")
    boolean noPassword;

    @Override
    public Integer call() {
        CteraCommand command = root();
        String portal = portalName(command);
        String profile = command.profile();
        if (profile != null && !NAME.matcher(profile).matches()) {
            throw new CliFailure(ExitCodes.USAGE, "profile must be lower-case letters, digits and '-', was '" + profile + "'");
        }
        String portalUrl = validUrl(answer(this.url, "Portal URL", null));
        String portalContext = answer(this.context, "Context (admin or services-portal)", "admin");
        if (!portalContext.equals("admin") && !portalContext.equals("services-portal")) {
            throw new CliFailure(ExitCodes.USAGE, "context must be admin or services-portal, was '" + portalContext + "'");
        }
        String user = answer(this.username, "User name", null);
        char @Nullable [] password = this.noPassword ? null : password(command);

        Path directory = new ConfigLocations(command.environment()).userDirectory();
        String suffix = (profile != null) ? "-" + profile : "";
        Path secrets = directory.resolve("secrets").resolve((profile != null) ? profile : "default");
        Path settings = directory.resolve("application" + suffix + ".yml");
        try {
            Files.createDirectories(directory);
            StringBuilder yaml = new StringBuilder()
                .append("# Written by 'ctera configure'. The password is in ").append(secrets)
                .append(", readable by you only.\n")
                .append("ctera:\n  portals:\n    ").append(portal).append(":\n")
                .append("      url: ").append(quoted(portalUrl)).append('\n')
                .append("      context: ").append(portalContext).append('\n')
                .append("      username: ").append(quoted(user)).append('\n');
            if (password != null) {
                writeSecret(secrets.resolve("ctera.portals." + portal + ".password"), password);
                yaml.append("spring:\n  config:\n    import: ")
                    .append(quoted("optional:configtree:" + secrets.toAbsolutePath() + "/")).append('\n');
            }
            Files.writeString(settings, yaml.toString(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + settings + ": " + ex.getMessage(), ex);
        }
        if (!command.quiet()) {
            command.environment().err().println("Wrote portal '" + portal + "' to " + settings
                    + ((password != null) ? "" : " (no password stored)")
                    + ((profile != null) ? "; use it with --profile " + profile : ""));
        }
        return ExitCodes.OK;
    }

    private String portalName(CteraCommand command) {
        String portal = (this.name != null) ? this.name
                : (command.portalName() != null) ? command.portalName() : "default";
        if (!NAME.matcher(portal).matches()) {
            throw new CliFailure(ExitCodes.USAGE,
                    "portal name must be lower-case letters, digits and '-', was '" + portal + "'");
        }
        return portal;
    }

    private String answer(@Nullable String given, String question, @Nullable String fallback) {
        if (given != null) {
            return given;
        }
        CteraCommand command = root();
        command.environment().err().print(question + ((fallback != null) ? " [" + fallback + "]" : "") + ": ");
        command.environment().err().flush();
        String line = command.readLine();
        String value = (line != null) ? line.trim() : "";
        if (value.isEmpty()) {
            if (fallback == null) {
                throw new CliFailure(ExitCodes.USAGE, question.toLowerCase() + " is required");
            }
            return fallback;
        }
        return value;
    }

    // Without echo on a terminal; else the last line of standard input with --password-stdin.
    private char[] password(CteraCommand command) {
        if (command.passwordStdin()) {
            return command.readPassword().toCharArray();
        }
        Console console = System.console();
        if (console == null || !command.environment().errTerminal()) {
            throw new CliFailure(ExitCodes.USAGE, "no terminal to ask the password on: pipe it with "
                    + "--password-stdin, or use --no-password and set it in the environment");
        }
        char[] password = console.readPassword("Password: ");
        if (password == null || password.length == 0) {
            throw new CliFailure(ExitCodes.USAGE, "password is required (or use --no-password)");
        }
        return password;
    }

    private static String validUrl(String text) {
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new CliFailure(ExitCodes.USAGE, "URL must be http(s)://host[:port], was '" + text + "'");
            }
            return text;
        }
        catch (URISyntaxException ex) {
            throw new CliFailure(ExitCodes.USAGE, "URL is not valid: '" + text + "'");
        }
    }

    private static void writeSecret(Path file, char[] password) throws IOException {
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        }
        finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(password, '\0');
        }
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private CteraCommand root() {
        return Commands.root(this.root);
    }
}
