package com.ctera.client.users;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraPage;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.pipeline.ReadBack;
import com.ctera.client.protocol.CallEnvelope;
import com.ctera.client.protocol.Filter;
import com.ctera.client.protocol.IncludeList;
import com.ctera.client.protocol.Paging;
import com.ctera.client.protocol.QueryParams;
import com.ctera.client.protocol.XmlNull;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.session.EncodedEnvelope;
import com.ctera.client.session.PortalCalls;

/** Portal users in reactive form (protocol §5.1); nothing is sent until subscription. */
public final class ReactiveUsers {

    private final PortalCalls calls;

    private final UserMapper mapper;

    /** The get-multi of the default fields, the same for every user: encoded once, not on every call. */
    private final EncodedEnvelope getEnvelope;

    /** Created by {@code CteraPortal}. */
    public ReactiveUsers(PortalCalls calls) {
        this(calls, Clock.systemDefaultZone());
    }

    ReactiveUsers(PortalCalls calls, Clock clock) {
        this.calls = calls;
        this.mapper = new UserMapper(clock);
        this.getEnvelope = calls.encodeOnce(CallEnvelope.getMulti(
                UserQuery.DEFAULT_FIELDS.stream().map(field -> "/" + field).toList()));
    }

    /** Every local user, fetched page by page as the subscriber asks for more. */
    public Flux<PortalUser> list() {
        return list(UserQuery.all());
    }

    /** The users matching the query, fetched page by page as the subscriber asks for more. */
    public Flux<PortalUser> list(UserQuery query) {
        return Paging.flux(startFrom -> page(query, startFrom), query.pageSize(), listLimit());
    }

    /** One page of the query, starting at the {@code startFrom}-th match. */
    /** The bound of a listing by this area's query operation. */
    Paging.Limit listLimit() {
        return this.calls.listLimit(CteraOperation.USERS_QUERY);
    }

    public Mono<CteraPage<PortalUser>> page(UserQuery query, int startFrom) {
        if (startFrom < 0) {
            return Mono.error(new IllegalArgumentException("startFrom must not be negative, was " + startFrom));
        }
        URI uri = (query.domain() != null) ? this.calls.api("domains", query.domain(), "adUsers")
                : this.calls.api("users");
        XmlValue envelope = CallEnvelope.database("query", queryParams(query, startFrom));
        return this.calls.post(CteraOperation.USERS_QUERY, uri, envelope,
                (head, body) -> this.calls.codec().decodePage(body, "objects", UserMapper::toUser));
    }

    /** The local user with this name, or empty when there is none. */
    public Mono<PortalUser> find(String name) {
        return get(name).onErrorResume(CteraNotFoundException.class, missing -> Mono.empty());
    }

    /** The local user with this name; fails with {@link CteraNotFoundException} when there is none. */
    public Mono<PortalUser> get(String name) {
        return get(name, this.getEnvelope);
    }

    /**
     * The local user with this name, with only the given attributes fetched ({@code name} always; the others of the
     * record stay {@code null}); none given means {@link UserQuery#DEFAULT_FIELDS}. Fails with
     * {@link CteraNotFoundException} when there is none, with {@link IllegalArgumentException} for a field that is
     * no attribute name.
     */
    public Mono<PortalUser> get(String name, String... fields) {
        if (fields.length == 0) {
            return get(name);
        }
        return Mono.fromCallable(() -> this.calls.encodeOnce(CallEnvelope.getMulti(
                IncludeList.getMultiPaths(List.of(fields))))).flatMap(envelope -> get(name, envelope));
    }

    private Mono<PortalUser> get(String name, EncodedEnvelope envelope) {
        return this.calls.post(CteraOperation.USERS_GET, this.calls.api("users", name), envelope)
                .map(answer -> {
                    // get-multi of a missing user answers with a null name (protocol §3.2).
                    if (!(answer instanceof XmlObject user) || user.text("name") == null) {
                        throw new CteraNotFoundException(CteraOperation.USERS_GET.name(), 200,
                                "users.get failed: no user named '" + name + "'", null);
                    }
                    return UserMapper.toUser(user);
                });
    }

    /**
     * Creates a user. Not idempotent: a repeated call may fail with a conflict. When the answer of an attempt is
     * lost, a retry stage first checks whether the user now exists, and if so reports success without sending the
     * add again (the reference is then empty).
     * @return the portal's reference to the new user, as it answered (may be empty)
     */
    public Mono<String> add(NewUser user) {
        XmlValue envelope = CallEnvelope.add(this.mapper.toWire(user));
        // After a lost answer the retry stage asks whether the user now exists before it sends the add again.
        ReadBack created = new ReadBack(CteraOperation.USERS_ADD, find(user.name()).map(existing -> XmlNull.INSTANCE));
        return this.calls.post(CteraOperation.USERS_ADD, this.calls.api("users"), envelope)
                .map(answer -> (answer instanceof XmlText text) ? text.text() : "")
                .contextWrite(created.writer());
    }

    /**
     * Changes only the given attributes of a local user: reads its full object, replaces those attributes, and
     * writes the object back with every other attribute untouched.
     */
    public Mono<Void> modify(String name, UserUpdate update) {
        URI uri = this.calls.api("users", name);
        return this.calls.get(CteraOperation.USERS_READ, uri)
                .flatMap(current -> {
                    if (!(current instanceof XmlObject user)) {
                        return Mono.error(new CteraProtocolException(CteraOperation.USERS_READ.name(), 200,
                                "users.read failed: the portal answered with no user object for '" + name + "'",
                                null));
                    }
                    XmlObject.Builder changed = user.toBuilder();
                    update.changes().forEach(changed::put);
                    return this.calls.put(CteraOperation.USERS_MODIFY, uri, changed.build());
                })
                .then();
    }

    /** Deletes a local user. */
    public Mono<Void> delete(String name) {
        XmlValue envelope = CallEnvelope.userDefined("delete", new XmlText("true"));
        return this.calls.post(CteraOperation.USERS_DELETE, this.calls.api("users", name), envelope).then();
    }

    private static XmlObject queryParams(UserQuery query, int startFrom) {
        QueryParams.Builder params = QueryParams.builder()
                .startFrom(startFrom)
                .countLimit(query.pageSize())
                .include(query.fields().toArray(String[]::new));
        for (UserQuery.Condition condition : query.conditions()) {
            params.filter(new Filter("StringFilter", condition.field(), condition.restriction(), condition.value()));
        }
        if (query.conditions().size() > 1 || query.combinationExplicit()) {
            params.orFilter(query.matchAny());
        }
        return params.build().toXml();
    }
}
