package com.ctera.client.bulk;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraPortal;
import com.ctera.client.ReactiveCteraPortal;
import com.ctera.client.users.NewUser;
import com.ctera.client.users.PortalUser;
import com.ctera.client.users.ReactiveUsers;
import com.ctera.client.users.UserUpdate;

/**
 * Creates, modifies or deletes many users of one portal at once. Each user is one item named by the user's name.
 * Under {@link FailurePolicy#ROLLBACK} a created user is deleted, a modified one gets its read-before attributes
 * back, and a deleted one is created again; what cannot be restored (passwords) is reported per item.
 */
public final class BulkUsers {

    private final ReactiveUsers users;

    private final BulkExecutor executor;

    /** Bulk users of a portal through this executor. */
    public BulkUsers(ReactiveCteraPortal portal, BulkExecutor executor) {
        this.users = portal.users();
        this.executor = executor;
    }

    /** Bulk users of a portal with the default options (8 in flight, continue on failure). */
    public static BulkUsers of(CteraPortal portal) {
        return new BulkUsers(portal.reactive(), BulkExecutor.of(portal.name()));
    }

    /** Starts creating the users with the executor's options. */
    public BulkJob create(List<NewUser> newUsers) {
        return create(newUsers, this.executor.options(), BulkListener.NONE);
    }

    /**
     * Starts creating the users; each is deleted again if the job rolls back.
     * @throws IllegalArgumentException when a name appears twice
     */
    public BulkJob create(List<NewUser> newUsers, BulkOptions options, BulkListener listener) {
        List<BulkOperation> operations = new ArrayList<>(newUsers.size());
        for (NewUser user : newUsers) {
            operations.add(BulkOperation.of(user.name(), this.users.add(user), this.users.delete(user.name())));
        }
        return this.executor.start("users.create", operations, options, listener);
    }

    /**
     * Reads and checks the whole CSV file first (see {@link UserCsvReader}), then starts creating its users.
     * @throws UserCsvException naming every bad row by line; nothing is sent then
     */
    public BulkJob createFromCsv(Path csv, BulkOptions options, BulkListener listener) {
        return create(UserCsvReader.standard().read(csv), options, listener);
    }

    /**
     * Reads and checks the whole CSV text first, then starts creating its users.
     * @param source names the input in error messages
     * @throws UserCsvException naming every bad row by line; nothing is sent then
     */
    public BulkJob createFromCsv(Reader csv, String source, BulkOptions options, BulkListener listener) {
        return create(UserCsvReader.standard().read(csv, source), options, listener);
    }

    /**
     * Starts changing users, each by its own update. Under {@link FailurePolicy#ROLLBACK} each user is read first (one
     * more call per user), and a rollback writes back the attributes
     * its update changed. What cannot be written back (a new password; an attribute that had no value) is named in
     * the item's {@link BulkItemResult#notRestored()}.
     */
    public BulkJob modify(Map<String, UserUpdate> updates, BulkOptions options, BulkListener listener) {
        List<BulkOperation> operations = new ArrayList<>(updates.size());
        boolean undoable = options.failurePolicy() == FailurePolicy.ROLLBACK;
        updates.forEach((name, update) -> {
            if (!undoable) {
                operations.add(BulkOperation.of(name, this.users.modify(name, update)));
                return;
            }
            AtomicReference<@Nullable PortalUser> before = new AtomicReference<>();
            Mono<Void> modified = this.users.get(name).doOnNext(before::set)
                .then(Mono.defer(() -> this.users.modify(name, update)));
            operations.add(BulkOperation.of(name, modified,
                    Mono.defer(() -> UserUndo.restore(this.users, readBefore(before, name), update.attributes()))));
        });
        return this.executor.start("users.modify", operations, options, listener);
    }

    /** Starts deleting the users with the executor's options. */
    public BulkJob delete(List<String> names) {
        return delete(names, this.executor.options(), BulkListener.NONE);
    }

    /**
     * Starts deleting the users. Under {@link FailurePolicy#ROLLBACK} each user is read first (one more call per
     * user), and a rollback creates it again with the attributes it had.
     * Its password cannot come back (a portal never returns one): the user is recreated with a random password and
     * must get a new one from an administrator, and the item's {@link BulkItemResult#notRestored()} says so.
     */
    public BulkJob delete(List<String> names, BulkOptions options, BulkListener listener) {
        List<BulkOperation> operations = new ArrayList<>(names.size());
        boolean undoable = options.failurePolicy() == FailurePolicy.ROLLBACK;
        for (String name : names) {
            if (!undoable) {
                operations.add(BulkOperation.of(name, this.users.delete(name)));
                continue;
            }
            AtomicReference<@Nullable PortalUser> before = new AtomicReference<>();
            Mono<Void> deleted = this.users.get(name).doOnNext(before::set)
                .then(Mono.defer(() -> this.users.delete(name)));
            operations.add(BulkOperation.of(name, deleted,
                    Mono.defer(() -> UserUndo.recreate(this.users, readBefore(before, name)))));
        }
        return this.executor.start("users.delete", operations, options, listener);
    }

    // A compensation runs only after its action succeeded, and the action reads the user before it changes it.
    private static PortalUser readBefore(AtomicReference<@Nullable PortalUser> before, String name) {
        PortalUser user = before.get();
        if (user == null) {
            throw new IllegalStateException("user '" + name + "' was not read before it was changed");
        }
        return user;
    }

    @Override
    public String toString() {
        return "BulkUsers[" + this.executor.portal() + "]";
    }
}
