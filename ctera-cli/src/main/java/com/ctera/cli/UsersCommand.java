package com.ctera.cli;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import com.ctera.client.users.NewUser;
import com.ctera.client.users.PortalUser;
import com.ctera.client.users.UserQuery;
import com.ctera.client.users.UserRole;
import com.ctera.client.users.UserUpdate;

/** {@code ctera users}: list, show, create, change and delete portal users ({@code import}: its own class). */
@Command(name = "users", description = "List, show, create, modify, delete and import portal users.",
        subcommands = UsersImportCommand.class, addMethodSubcommands = false)
final class UsersCommand {

    private static final String[] COLUMNS = { "name", "email", "firstName", "lastName", "role", "company", "uid" };

    @ParentCommand
    @Nullable CteraCommand root;

    @Command(name = "list", description = "List users (columns: name, email, firstName, lastName, role, company, uid).")
    int list(@Option(names = "--name-like", paramLabel = "TEXT", description = "Only users whose name contains TEXT.")
            @Nullable String nameLike) {
        UserQuery query = (nameLike != null) ? UserQuery.builder().nameLike(nameLike).build() : UserQuery.all();
        Rows rows = Rows.of(COLUMNS);
        try (Stream<PortalUser> users = root().portal().users().list(query)) {
            for (PortalUser user : (Iterable<PortalUser>) users::iterator) {
                rows.add(row(user));
            }
        }
        root().printer().list(rows);
        return ExitCodes.OK;
    }

    @Command(name = "get", description = "Show one user.")
    int get(@Parameters(paramLabel = "NAME", description = "The user name.") String name) {
        root().printer().single(Rows.of(COLUMNS).add(row(root().portal().users().get(name))));
        return ExitCodes.OK;
    }

    @Command(name = "create", description = "Create a user. Its password comes from --user-password-file, "
            + "--user-password-env or a prompt without echo.")
    int create(@Parameters(index = "0", paramLabel = "NAME", description = "The user name.") String name,
            @Parameters(index = "1", paramLabel = "EMAIL", description = "The e-mail address.") String email,
            @Option(names = "--first-name", required = true, description = "First name.") String firstName,
            @Option(names = "--last-name", required = true, description = "Last name.") String lastName,
            @Option(names = "--role", defaultValue = "EndUser", converter = RoleConverter.class,
                    description = "EndUser (default), ReadWriteAdmin, ReadOnlyAdmin, Support, Disabled or "
                            + "ComplianceOffer (or END_USER, READ_WRITE_ADMIN...).") UserRole role,
            @Option(names = "--company", description = "Company.") @Nullable String company,
            @Option(names = "--comment", description = "Comment.") @Nullable String comment,
            @Option(names = "--user-password-file", paramLabel = "FILE",
                    description = "Read the new user's password from FILE's first line.") @Nullable Path passwordFile,
            @Option(names = "--user-password-env", paramLabel = "VARIABLE",
                    description = "Read the new user's password from this environment variable.")
            @Nullable String passwordVariable,
            @Option(names = "--require-password-change",
                    description = "The user must choose a new password at first login.") boolean requireChange) {
        NewUser user = NewUser.builder(name)
            .email(email)
            .fullName(firstName, lastName)
            .role(role)
            .company(company)
            .comment(comment)
            .requirePasswordChange(requireChange)
            .password(newUserPassword(passwordFile, passwordVariable))
            .build();
        root().portal().users().add(user);
        root().printer().done(Rows.of("name", "result").add(name, "created"));
        return ExitCodes.OK;
    }

    @Command(name = "modify", description = "Change a user's attributes; only those given change.")
    int modify(@Parameters(paramLabel = "NAME", description = "The user name.") String name,
            @Option(names = "--email", description = "E-mail address.") @Nullable String email,
            @Option(names = "--first-name", description = "First name.") @Nullable String firstName,
            @Option(names = "--last-name", description = "Last name.") @Nullable String lastName,
            @Option(names = "--role", converter = RoleConverter.class, description = "Role, as for create.")
            @Nullable UserRole role,
            @Option(names = "--company", description = "Company.") @Nullable String company,
            @Option(names = "--comment", description = "Comment.") @Nullable String comment) {
        UserUpdate.Builder update = UserUpdate.builder();
        if (email != null) {
            update.email(email);
        }
        if (firstName != null) {
            update.firstName(firstName);
        }
        if (lastName != null) {
            update.lastName(lastName);
        }
        if (role != null) {
            update.role(role);
        }
        if (company != null) {
            update.company(company);
        }
        if (comment != null) {
            update.comment(comment);
        }
        UserUpdate changes = update.build();
        if (changes.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, "nothing to change: give at least one of --email, --first-name, "
                    + "--last-name, --role, --company, --comment");
        }
        root().portal().users().modify(name, changes);
        root().printer().done(Rows.of("name", "result").add(name, "modified"));
        return ExitCodes.OK;
    }

    @Command(name = "delete", description = "Delete a user.")
    int delete(@Parameters(paramLabel = "NAME", description = "The user name.") String name) {
        root().portal().users().delete(name);
        root().printer().done(Rows.of("name", "result").add(name, "deleted"));
        return ExitCodes.OK;
    }

    private String newUserPassword(@Nullable Path file, @Nullable String variable) {
        if (file != null) {
            try (Stream<String> lines = Files.lines(file)) {
                return lines.findFirst().filter((line) -> !line.isEmpty())
                    .orElseThrow(() -> new CliFailure(ExitCodes.USAGE, "--user-password-file " + file + " is empty"));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot read --user-password-file " + file, ex);
            }
        }
        if (variable != null) {
            String value = root().environment().variables().get(variable);
            if (value == null || value.isEmpty()) {
                throw new CliFailure(ExitCodes.USAGE, "--user-password-env: the variable " + variable + " is not set");
            }
            return value;
        }
        Console console = System.console();
        if (console == null || !root().environment().errTerminal()) {
            throw new CliFailure(ExitCodes.USAGE,
                    "the new user's password is required: give --user-password-file or --user-password-env");
        }
        char[] password = console.readPassword("Password for %s: ", "the new user");
        if (password == null || password.length == 0) {
            throw new CliFailure(ExitCodes.USAGE, "the new user's password must not be empty");
        }
        return new String(password);
    }

    private static @Nullable Object[] row(PortalUser user) {
        return new @Nullable Object[] { user.name(), user.email(), user.firstName(), user.lastName(), user.role(),
                user.company(), user.uid() };
    }

    CteraCommand root() {
        return Commands.root(this.root);
    }
}
