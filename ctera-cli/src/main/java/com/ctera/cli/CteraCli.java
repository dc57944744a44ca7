package com.ctera.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
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
            commandLine.setExecutionStrategy((parseResult) -> new RunLast().execute(htmlOnlyForReports(root,
                    parseResult)));
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

    // Checked before a command runs, so a change (users import, files upload) is never made and then not reported.
    private static ParseResult htmlOnlyForReports(CteraCommand root, ParseResult parseResult) {
        List<CommandLine> commands = parseResult.asCommandLineList();
        CommandLine command = commands.get(commands.size() - 1);
        if (root.format() == OutputFormat.HTML && !(command.getCommand() instanceof ReportsCommand)) {
            throw new ParameterException(command, "--format html is for 'ctera reports' only; use table, json, yaml "
                    + "or csv");
        }
        return parseResult;
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
