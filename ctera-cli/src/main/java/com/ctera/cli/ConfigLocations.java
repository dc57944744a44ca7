package com.ctera.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the command reads its configuration, lowest precedence first: the per-user directory
 * ({@code $XDG_CONFIG_HOME/ctera}, else {@code ~/.config/ctera}), then the working directory and its {@code config/}
 * folder, as an application does. Each may hold {@code application.yml} and {@code application-<profile>.yml}.
 */
public final class ConfigLocations {

    private static final List<String> EXTENSIONS = List.of("yml", "yaml", "properties");

    private final Path userDirectory;

    private final List<Path> directories;

    ConfigLocations(CliEnvironment environment) {
        this.userDirectory = userDirectory(environment);
        this.directories = List.of(this.userDirectory, environment.workingDirectory(),
                environment.workingDirectory().resolve("config"));
    }

    /** The per-user configuration directory. */
    public Path userDirectory() {
        return this.userDirectory;
    }

    /** The value for {@code spring.config.location}: every directory, optional, later ones winning. */
    String springConfigLocation() {
        return this.directories.stream()
            .map((directory) -> "optional:file:" + directory.toAbsolutePath() + "/")
            .collect(Collectors.joining(","));
    }

    /**
     * Fails unless some directory holds a file for this profile.
     * @throws CliFailure with {@link ExitCodes#USAGE}, naming the files looked for
     */
    void requireProfile(String profile) {
        for (Path directory : this.directories) {
            for (String extension : EXTENSIONS) {
                if (Files.isRegularFile(directory.resolve("application-" + profile + "." + extension))) {
                    return;
                }
            }
        }
        throw new CliFailure(ExitCodes.USAGE, "unknown profile '" + profile + "': no application-" + profile
                + ".yml in " + this.directories + "; create it with 'ctera configure --profile " + profile + "'");
    }

    private static Path userDirectory(CliEnvironment environment) {
        String xdg = environment.variables().get("XDG_CONFIG_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "ctera");
        }
        String home = environment.variables().getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".config", "ctera");
    }
}
