package com.ctera.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the command sees of its surroundings: environment variables, working directory, standard streams and whether
 * each output stream is a terminal. Tests pass their own; {@link #system()} is the real process.
 * @param variables the environment variables (the source of {@code CTERA_*}, {@code HOME}, {@code XDG_CONFIG_HOME})
 * @param workingDirectory where {@code ./application.yml} is looked for
 * @param in standard input
 * @param out standard output, for results only
 * @param err standard error, for prompts, progress and errors
 * @param outTerminal whether standard output is a terminal (a table by default, else JSON)
 * @param errTerminal whether standard error is a terminal (progress bars only then)
 */
public record CliEnvironment(Map<String, String> variables, Path workingDirectory, InputStream in, PrintStream out,
        PrintStream err, boolean outTerminal, boolean errTerminal) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The running process, with each stream's terminal test read from {@code /proc} where it exists. */
    public static CliEnvironment system() {
        boolean console = System.console() != null;
        return new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath(), System.in, System.out, System.err,
                isTerminal(1, console), isTerminal(2, console));
    }

    // Java 17 can only say whether stdin and stdout together are a terminal (System.console()); on Linux the file
    // descriptor's link tells each stream apart, so a redirected stdin does not switch the output to JSON.
    private static boolean isTerminal(int descriptor, boolean console) {
        Path link = Path.of("/proc/self/fd/" + descriptor);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        }
        catch (Exception ex) {
            return console;
        }
    }
}
