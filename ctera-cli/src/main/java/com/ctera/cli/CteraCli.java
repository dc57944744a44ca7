package com.ctera.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.UnmatchedArgumentException;
import reactor.netty.http.HttpResources;

/** The {@code ctera} command's entry point. */
public final class CteraCli {

    /** The subcommands by name, in the order help lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    /** The root options that take a value, so the value is not taken for the subcommand's name. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--portal", "--profile", "--format");

    private static final String COMPLETION = "generate-completion";

    private static final Duration EVENT_LOOPS_STOP = Duration.ofSeconds(2);

    private CteraCli() {
    }

    /** Runs the command in this process and exits with its code. */
    public static void main(String[] args) {
        // Boot warms up conversion, charsets and time zones on a second thread: on a busy machine that thread only
        // competes with the command for the cores, for work a command mostly never needs.
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        // Netty registers its buffer events with the Flight Recorder, generating event classes at start-up; a command
        // is never recorded. A process-wide setting, so the command's own: an application decides it for itself.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        int exitCode = run(CliEnvironment.system(), args);
        if (!ShutdownSignal.received()) {
            stopEventLoops();
            System.exit(exitCode);
        }
    }

    // Reactor Netty's event loop threads wait in native code (epoll) for the life of the process, and a JVM that
    // exits waits up to 300 ms for threads in native code: a third of a second at the end of every command. The
    // portals are closed by now; stopping the loops lets the exit be immediate (System.exit does not wait for the
    // non-daemon thread Netty starts to report their end).
    private static void stopEventLoops() {
        try {
            HttpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, EVENT_LOOPS_STOP)
                .block(EVENT_LOOPS_STOP.plusSeconds(1));
        }
        catch (RuntimeException ex) {
            // Only the exit's speed depends on it.
        }
    }

    /** Runs the command with the given surroundings and returns its exit code; tests call this in-process. */
    public static int run(CliEnvironment environment, String... args) {
        try (CteraCommand root = new CteraCommand(environment)) {
            CommandLine commandLine = new CommandLine(root);
            // Before the settings below: picocli hands them only to subcommands already added.
            for (String name : invoked(args)) {
                commandLine.addSubcommand(name, SUBCOMMANDS.get(name));
                addMethodSubcommands(commandLine.getSubcommands().get(name), args);
            }
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

    /**
     * The subcommands the arguments need: only the one named first, as picocli reading a command's annotations is a
     * good part of a command's start time; every one for help, completion, or a name that is not a subcommand (so
     * picocli suggests the nearest).
     */
    static Set<String> invoked(String[] args) {
        int at = positional(args, 0);
        if (at < 0) {
            return SUBCOMMANDS.keySet();
        }
        String name = args[at];
        return (SUBCOMMANDS.containsKey(name) && !name.equals(COMPLETION)) ? Set.of(name) : SUBCOMMANDS.keySet();
    }

    /**
     * Adds a command's {@code @Command} methods (its classes say {@code addMethodSubcommands = false}), by the same
     * rule as the top level: only the one the argument after the command's name names, else all of them. Reading a
     * method's parameter annotations is what picocli spends its time on.
     */
    static void addMethodSubcommands(CommandLine command, String[] args) {
        Class<?> type = command.getCommandSpec().userObject().getClass();
        Map<String, Method> methods = new TreeMap<>(); // by name, the order help lists them in, as picocli's own
        for (Method method : type.getDeclaredMethods()) {
            Command annotation = method.getAnnotation(Command.class);
            if (annotation != null) {
                methods.put(annotation.name(), method);
            }
        }
        int at = positional(args, 0);
        int next = (at < 0) ? -1 : positional(args, at + 1);
        Method named = (next < 0) ? null : methods.get(args[next]);
        for (Method method : (named != null) ? List.of(named) : methods.values()) {
            command.addSubcommand(new CommandLine(method));
        }
    }

    // The index of the first argument from `from` that is neither an option nor a root option's value; -1 if none.
    private static int positional(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return -1;
            }
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            }
            else if (!arg.startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>();
        subcommands.put("configure", ConfigureCommand.class);
        subcommands.put("portals", PortalsCommand.class);
        subcommands.put("users", UsersCommand.class);
        subcommands.put("files", FilesCommand.class);
        subcommands.put("devices", DevicesCommand.class);
        subcommands.put("logs", LogsCommand.class);
        subcommands.put("events", EventsCommand.class);
        subcommands.put("reports", ReportsCommand.class);
        subcommands.put("webhooks", WebhooksCommand.class);
        subcommands.put(COMPLETION, GenerateCompletion.class);
        return subcommands;
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
