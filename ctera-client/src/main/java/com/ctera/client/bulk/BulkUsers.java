package com.ctera.client.bulk;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ctera.client.CteraPortal;
import com.ctera.client.ReactiveCteraPortal;
import com.ctera.client.users.NewUser;
import com.ctera.client.users.ReactiveUsers;
import com.ctera.client.users.UserUpdate;

/**
 * Creates, modifies or deletes many users of one portal at once. Each user is one item named by the user's name;
 * a created user is undone by deleting it, so a job under {@link FailurePolicy#ROLLBACK} leaves the portal's users
 * as they were. Modifications and deletions cannot be undone (a deleted user's password is not known) and stand.
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

    /** Starts changing users, each by its own update; the changes stand if the job rolls back. */
    public BulkJob modify(Map<String, UserUpdate> updates, BulkOptions options, BulkListener listener) {
        List<BulkOperation> operations = new ArrayList<>(updates.size());
        updates.forEach((name, update) -> operations.add(BulkOperation.of(name, this.users.modify(name, update))));
        return this.executor.start("users.modify", operations, options, listener);
    }

    /** Starts deleting the users with the executor's options. */
    public BulkJob delete(List<String> names) {
        return delete(names, this.executor.options(), BulkListener.NONE);
    }

    /** Starts deleting the users; deletions stand if the job rolls back. */
    public BulkJob delete(List<String> names, BulkOptions options, BulkListener listener) {
        List<BulkOperation> operations = new ArrayList<>(names.size());
        for (String name : names) {
            operations.add(BulkOperation.of(name, this.users.delete(name)));
        }
        return this.executor.start("users.delete", operations, options, listener);
    }

    @Override
    public String toString() {
        return "BulkUsers[" + this.executor.portal() + "]";
    }
}
