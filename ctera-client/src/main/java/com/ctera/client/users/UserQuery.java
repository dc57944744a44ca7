package com.ctera.client.users;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which users to list, and how (protocol §4.1): string filters on user attributes, combined with OR (the SDK's
 * default when there are several) or AND, the attributes to include, the page size, and for directory users the
 * domain.
 */
public final class UserQuery {

    /** Attributes included when the query names none. */
    public static final List<String> DEFAULT_FIELDS = List.of("name", "email", "firstName", "lastName", "role",
            "company", "comment", "uid", "displayName", "domain");

    /** The portal's own page size. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    private final List<Condition> conditions;

    private final @Nullable Boolean matchAny;

    private final List<String> fields;

    private final int pageSize;

    private final @Nullable String domain;

    private UserQuery(Builder builder) {
        this.conditions = List.copyOf(builder.conditions);
        this.matchAny = builder.matchAny;
        Set<String> fields = new LinkedHashSet<>(builder.fields.isEmpty() ? DEFAULT_FIELDS : builder.fields);
        // Without the name a returned row could not become a PortalUser.
        fields.add("name");
        this.fields = List.copyOf(fields);
        this.pageSize = builder.pageSize;
        this.domain = builder.domain;
    }

    /** Every local user, default fields, default page size. */
    public static UserQuery all() {
        return builder().build();
    }

    /** Starts a query. */
    public static Builder builder() {
        return new Builder();
    }

    /** The filter conditions, in the order given. */
    public List<Condition> conditions() {
        return this.conditions;
    }

    /**
     * Whether several conditions are OR-ed: the explicit choice of {@link Builder#or()} / {@link Builder#and()},
     * otherwise true when there is more than one, as the SDK does.
     */
    public boolean matchAny() {
        return (this.matchAny != null) ? this.matchAny : this.conditions.size() > 1;
    }

    /** Whether {@link Builder#or()} or {@link Builder#and()} was chosen explicitly. */
    public boolean combinationExplicit() {
        return this.matchAny != null;
    }

    /** The attributes to include; always contains {@code name}. */
    public List<String> fields() {
        return this.fields;
    }

    /** Users per page ({@code countLimit}). */
    public int pageSize() {
        return this.pageSize;
    }

    /** The directory domain whose users to list, or {@code null} for local users. */
    public @Nullable String domain() {
        return this.domain;
    }

    @Override
    public String toString() {
        return "UserQuery[conditions=" + this.conditions + ", matchAny=" + matchAny() + ", fields=" + this.fields
                + ", pageSize=" + this.pageSize + ", domain=" + this.domain + "]";
    }

    /**
     * One string condition on a user attribute.
     * @param field the attribute, such as {@code email}
     * @param restriction the portal's comparison: {@code like, notLike, eq, ne, ge, gt, le, lt}
     * @param value the value compared with
     */
    public record Condition(String field, String restriction, String value) {

        private static final Set<String> RESTRICTIONS = Set.of("like", "notLike", "eq", "ne", "ge", "gt", "le", "lt");

        public Condition {
            if (field.isBlank()) {
                throw new IllegalArgumentException("filter field must not be blank");
            }
            if (!RESTRICTIONS.contains(restriction)) {
                throw new IllegalArgumentException("unknown filter restriction '" + restriction
                        + "'; allowed: like, notLike, eq, ne, ge, gt, le, lt");
            }
        }
    }

    /** Collects a {@link UserQuery}. */
    public static final class Builder {

        private final List<Condition> conditions = new ArrayList<>();

        private @Nullable Boolean matchAny;

        private final List<String> fields = new ArrayList<>();

        private int pageSize = DEFAULT_PAGE_SIZE;

        private @Nullable String domain;

        private Builder() {
        }

        /** Users whose name contains {@code text}. */
        public Builder nameLike(String text) {
            return where("name", "like", text);
        }

        /** The user with exactly this name. */
        public Builder nameEquals(String name) {
            return where("name", "eq", name);
        }

        /** Users whose e-mail contains {@code text}. */
        public Builder emailLike(String text) {
            return where("email", "like", text);
        }

        /** Users with exactly this e-mail address. */
        public Builder emailEquals(String email) {
            return where("email", "eq", email);
        }

        /** Users with this role. */
        public Builder role(UserRole role) {
            return where("role", "eq", role.wireValue());
        }

        /** Users whose company contains {@code text}. */
        public Builder companyLike(String text) {
            return where("company", "like", text);
        }

        /** Any string condition: {@code restriction} is one of {@code like, notLike, eq, ne, ge, gt, le, lt}. */
        public Builder where(String field, String restriction, String value) {
            this.conditions.add(new Condition(field, restriction, value));
            return this;
        }

        /** A user matches when any condition holds. */
        public Builder or() {
            this.matchAny = true;
            return this;
        }

        /** A user matches only when every condition holds. */
        public Builder and() {
            this.matchAny = false;
            return this;
        }

        /** The attributes to fetch, instead of {@link UserQuery#DEFAULT_FIELDS}; {@code name} is always added. */
        public Builder include(String... fields) {
            this.fields.addAll(List.of(fields));
            return this;
        }

        /** Users per page, 1 to 1000; default 50. */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > 1000) {
                throw new IllegalArgumentException("pageSize must be between 1 and 1000, was " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /** List the users of this directory domain ({@code /domains/{domain}/adUsers}) instead of local users. */
        public Builder domain(String domain) {
            if (domain.isBlank()) {
                throw new IllegalArgumentException("domain must not be blank");
            }
            this.domain = domain;
            return this;
        }

        /** The query. */
        public UserQuery build() {
            return new UserQuery(this);
        }
    }
}
