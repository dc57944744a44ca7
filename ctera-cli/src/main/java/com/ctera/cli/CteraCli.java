package com.ctera.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code ctera} command's entry point. */
public final class CteraCli {

    private CteraCli() {
    }

    /** Runs the command in this process and exits with its code. */
    public static void main(String[] args) {
        int exitCode = run(CliEnvironment.system(), args);
        if (!ShutdownSignal.received()) {
            System.exit(exitCode);
        }
    }

    /** Runs the command with the given surroundings and returns its exit code; tests call this in-process. */
    public static int run(CliEnvironment environment, String... args) {
        try (CteraCommand root = new CteraCommand(environment)) {
            CommandLine commandLine = new CommandLine(root);
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
            commandLine.setAllowSubcommandsAsOptionParameters(true);
            commandLine.setOut(new PrintWriter(environment.out(), true));
            commandLine.setErr(new PrintWriter(environment.err(), true));
            commandLine.setParameterExceptionHandler(CteraCli::badUsage);
            commandLine.setExecutionExceptionHandler((failure, command, parseResult) -> {
                FailureReport report = FailureReport.of(failure, root.secrets());
                environment.err().println(command.getCommandSpec().qualifiedName() + ": " + report.message());
                if (root.debug()) {
                    failure.printStackTrace(environment.err());
                }
                return report.exitCode();
            });
            return commandLine.execute(args);
        }
    }

    // One line instead of picocli's message and full usage: what was wrong, a suggestion if any, where to look.
    private static int badUsage(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        String line = command.getCommandSpec().qualifiedName() + ": " + failure.getMessage();
        if (failure instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        command.getErr().println(line + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }
}
