package com.ctera.client.users;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraPage;
import com.ctera.client.protocol.Paging;

/** Portal users (protocol §5.1), blocking; every method delegates to {@link ReactiveUsers}. */
public final class Users {

    private final ReactiveUsers reactive;

    /** Created by {@code CteraPortal}. */
    public Users(ReactiveUsers reactive) {
        this.reactive = reactive;
    }

    /** Every local user; pages are fetched lazily as the stream is consumed. */
    public Stream<PortalUser> list() {
        return list(UserQuery.all());
    }

    /** The users matching the query; pages are fetched lazily as the stream is consumed. */
    public Stream<PortalUser> list(UserQuery query) {
        return Paging.stream(startFrom -> page(query, startFrom), query.pageSize(), this.reactive.listLimit());
    }

    /** One page of the query, starting at the {@code startFrom}-th match. */
    public CteraPage<PortalUser> page(UserQuery query, int startFrom) {
        return this.reactive.page(query, startFrom).block();
    }

    /** The local user with this name, if there is one. */
    public Optional<PortalUser> find(String name) {
        return this.reactive.find(name).blockOptional();
    }

    /**
     * The local user with this name.
     * @throws CteraNotFoundException when there is none
     */
    public PortalUser get(String name) {
        return this.reactive.get(name).block();
    }

    /**
     * The local user with this name, fetching only the given attributes ({@code name} always); the record's other
     * components stay {@code null}. No fields means {@link UserQuery#DEFAULT_FIELDS}.
     * @throws CteraNotFoundException when there is none
     */
    public PortalUser get(String name, String... fields) {
        return this.reactive.get(name, fields).block();
    }

    /**
     * Creates a user; not idempotent.
     * @return the portal's reference to the new user, as it answered (may be empty)
     */
    public String add(NewUser user) {
        return this.reactive.add(user).block();
    }

    /** Changes only the given attributes of a local user, keeping every other attribute as it is. */
    public void modify(String name, UserUpdate update) {
        this.reactive.modify(name, update).block();
    }

    /** Changes only the attributes the function sets, e.g. {@code modify("alice", u -> u.email("a@b.c"))}. */
    public void modify(String name, UnaryOperator<UserUpdate.Builder> changes) {
        modify(name, changes.apply(UserUpdate.builder()).build());
    }

    /** Deletes a local user. */
    public void delete(String name) {
        this.reactive.delete(name).block();
    }
}
