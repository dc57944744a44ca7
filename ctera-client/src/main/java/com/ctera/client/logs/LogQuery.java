package com.ctera.client.logs;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.ctera.client.protocol.Filter;
import com.ctera.client.protocol.QueryParams;

/**
 * What to read from the logs: a topic, a minimum severity, where the records come from (the portal, or a device),
 * an optional time range and extra filters (all AND-ed). Build with {@link #builder()}.
 * @param topic the log to read
 * @param minSeverity the least severe level returned
 * @param originType {@code Portal} or {@code Device}
 * @param origin the device name, for device logs
 * @param after only records strictly after this time
 * @param before only records strictly before this time
 * @param filters further filters, appended after the built-in ones
 * @param pageSize records per page
 */
public record LogQuery(LogTopic topic, LogSeverity minSeverity, String originType, @Nullable String origin,
        @Nullable LocalDateTime after, @Nullable LocalDateTime before, List<Filter> filters, int pageSize) {

    public LogQuery {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(minSeverity, "minSeverity");
        filters = List.copyOf(filters);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        if (after != null && before != null && !after.isBefore(before)) {
            throw new IllegalArgumentException("after (" + after + ") must be earlier than before (" + before + ")");
        }
    }

    /** A builder for portal {@code system} logs of severity {@code info} and above, 50 per page. */
    public static Builder builder() {
        return new Builder();
    }

    /** The parameter of the {@code queryLogs} call for the page starting at {@code startFrom}. */
    QueryParams toParams(int startFrom) {
        QueryParams.Builder params = QueryParams.builder()
                .startFrom(startFrom)
                .countLimit(this.pageSize)
                .put("topic", this.topic.wireName())
                .put("minSeverity", this.minSeverity.wireName())
                .filter(Filter.string("originType").eq(this.originType));
        if (this.before != null) {
            params.filter(Filter.dateTime("time").before(this.before));
        }
        if (this.after != null) {
            params.filter(Filter.dateTime("time").after(this.after));
        }
        if (this.origin != null) {
            params.filter(Filter.ref("origin").eq(this.origin));
        }
        params.filters(this.filters);
        return params.build();
    }

    /** Builds a {@link LogQuery}. */
    public static final class Builder {

        private LogTopic topic = LogTopic.SYSTEM;

        private LogSeverity minSeverity = LogSeverity.INFO;

        private String originType = "Portal";

        private @Nullable String origin;

        private @Nullable LocalDateTime after;

        private @Nullable LocalDateTime before;

        private final List<Filter> filters = new ArrayList<>();

        private int pageSize = QueryParams.DEFAULT_COUNT_LIMIT;

        private Builder() {
        }

        /** The log to read; default {@code system}. */
        public Builder topic(LogTopic topic) {
            this.topic = topic;
            return this;
        }

        /** The least severe level returned; default {@code info}. */
        public Builder minSeverity(LogSeverity minSeverity) {
            this.minSeverity = minSeverity;
            return this;
        }

        /** Records the portal itself wrote (the default). */
        public Builder portal() {
            this.originType = "Portal";
            this.origin = null;
            return this;
        }

        /** Records a device (gateway or agent) sent, by device name. */
        public Builder device(String deviceName) {
            if (deviceName.isBlank()) {
                throw new IllegalArgumentException("deviceName must not be blank");
            }
            this.originType = "Device";
            this.origin = deviceName;
            return this;
        }

        /** Only records strictly after this time (portal local time). */
        public Builder after(LocalDateTime after) {
            this.after = after;
            return this;
        }

        /** Only records strictly before this time (portal local time). */
        public Builder before(LocalDateTime before) {
            this.before = before;
            return this;
        }

        /** Adds a filter, AND-ed with the others. */
        public Builder filter(Filter filter) {
            this.filters.add(filter);
            return this;
        }

        /** Records per page; default 50. */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** The query. */
        public LogQuery build() {
            return new LogQuery(this.topic, this.minSeverity, this.originType, this.origin, this.after, this.before,
                    this.filters, this.pageSize);
        }
    }
}
