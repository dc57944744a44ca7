package com.ctera.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import com.ctera.client.bulk.BulkItemResult;
import com.ctera.client.bulk.BulkOptions;
import com.ctera.client.bulk.BulkResult;
import com.ctera.client.bulk.CsvProblem;
import com.ctera.client.bulk.CteraBulk;
import com.ctera.client.bulk.FailurePolicy;
import com.ctera.client.bulk.ItemOutcome;
import com.ctera.client.bulk.UserCsvException;
import com.ctera.client.bulk.UserCsvReader;
import com.ctera.client.users.NewUser;

/**
 * {@code ctera users import FILE}: creates the users of a CSV file as one bulk job of the portal's {@link CteraBulk}.
 * The whole file is checked before the portal is contacted; one bad row means nothing is sent.
 */
@Command(name = "import", description = "Create the users of a CSV file (columns: name, email, first_name, "
        + "last_name, password; optional role, company, comment, require_password_change) as one bulk job. Every "
        + "row is checked first: one bad row and nothing is sent. Output columns: name, result, error.")
final class UsersImportCommand implements Callable<Integer> {

    private static final String[] COLUMNS = { "name", "result", "error" };

    @ParentCommand
    @Nullable UsersCommand users;

    @Parameters(paramLabel = "FILE", description = "The CSV file, with a header line.")
    @Nullable Path file;

    @Option(names = "--max-concurrency", paramLabel = "N",
            description = "Most users created at once (default: the portal's ctera.*.bulk.max-concurrency).")
    @Nullable Integer maxConcurrency;

    @Option(names = "--failure-policy", paramLabel = "POLICY",
            description = "continue (every row is tried), abort (stop at the first failure) or rollback (abort, "
                    + "then delete the users created); default: the portal's ctera.*.bulk.failure-policy.")
    @Nullable FailurePolicy failurePolicy;

    @Override
    public Integer call() {
        CteraCommand root = Commands.root((this.users != null) ? this.users.root() : null);
        Path csv = root.environment().workingDirectory().resolve(required(this.file));
        List<NewUser> newUsers = read(root, csv);
        CteraBulk bulk = root.connection().forPortal(CteraBulk.class);
        BulkOptions options = bulk.executor().options();
        if (this.maxConcurrency != null) {
            options = options.withMaxConcurrency(this.maxConcurrency);
        }
        if (this.failurePolicy != null) {
            options = options.withFailurePolicy(this.failurePolicy);
        }
        BulkResult result = bulk.users()
            .create(newUsers, options, BulkProgressBar.forJob(root.environment(), root.quiet(), "import"))
            .await();
        return report(root, result);
    }

    /** Every row checked before the portal is contacted; each problem on its own line, named by file and line. */
    private static List<NewUser> read(CteraCommand root, Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new CliFailure(ExitCodes.NOT_FOUND, "no such file: " + csv);
        }
        try {
            return UserCsvReader.standard().read(csv);
        }
        catch (UserCsvException ex) {
            for (CsvProblem problem : ex.problems()) {
                root.environment().err().println(csv.getFileName() + ":" + problem.line() + ": "
                        + (problem.column().isEmpty() ? "" : "column '" + problem.column() + "': ")
                        + problem.message());
            }
            throw new CliFailure(ExitCodes.USAGE, csv.getFileName() + " has " + ex.problems().size()
                    + ((ex.problems().size() == 1) ? " problem" : " problems") + " (above); nothing was sent");
        }
    }

    /**
     * Prints every item's outcome, and each failure on standard error too (so {@code --quiet} still shows them);
     * the exit code is {@link ExitCodes#PARTIAL_FAILURE} when some users stand and others do not, the failure's own
     * code when none stands.
     */
    private static int report(CteraCommand root, BulkResult result) {
        Rows rows = Rows.of(COLUMNS);
        @Nullable FailureReport lastFailure = null;
        for (BulkItemResult item : result.items()) {
            Throwable error = (item.rollbackError() != null) ? item.rollbackError() : item.error();
            String reason = item.note();
            if (error != null) {
                lastFailure = FailureReport.of(error, root.secrets());
                reason = lastFailure.message();
            }
            if (item.outcome() != ItemOutcome.SUCCEEDED) {
                root.environment().err().println(item.id() + ": " + outcomeName(item.outcome())
                        + ((reason != null) ? ": " + reason : ""));
            }
            rows.add(item.id(), outcomeName(item.outcome()), reason);
        }
        root.printer().done(rows);
        if (result.allSucceeded()) {
            return ExitCodes.OK;
        }
        int standing = result.count(ItemOutcome.SUCCEEDED);
        if (standing == 0 && lastFailure != null) {
            return lastFailure.exitCode();
        }
        return ExitCodes.PARTIAL_FAILURE;
    }

    private static String outcomeName(ItemOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Path required(@Nullable Path file) {
        if (file == null) {
            throw new IllegalStateException("picocli always sets the required FILE parameter");
        }
        return file;
    }
}
