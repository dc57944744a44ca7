package com.ctera.client.logs;

import java.util.stream.Stream;

import com.ctera.client.CteraPage;
import com.ctera.client.protocol.Paging;

/** Portal logs (protocol §5.7), blocking; every method delegates to {@link ReactiveLogs}. */
public final class Logs {

    private final ReactiveLogs reactive;

    /** Created by {@code CteraPortal}. */
    public Logs(ReactiveLogs reactive) {
        this.reactive = reactive;
    }

    /** The matching records; pages are fetched lazily as the stream is consumed. */
    public Stream<LogEntry> query(LogQuery query) {
        return Paging.stream(startFrom -> page(query, startFrom), query.pageSize(), this.reactive.listLimit());
    }

    /** One page of matching records, starting at the {@code startFrom}-th. */
    public CteraPage<LogEntry> page(LogQuery query, int startFrom) {
        return this.reactive.page(query, startFrom).block();
    }
}
