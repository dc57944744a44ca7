package com.ctera.client.logs;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraPage;
import com.ctera.client.protocol.Paging;
import com.ctera.client.protocol.XmlList;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.session.PortalCalls;

/** Portal logs in reactive form (protocol §5.7); nothing is sent until subscription. */
public final class ReactiveLogs {

    private final PortalCalls calls;

    /** Created by {@code CteraPortal}. */
    public ReactiveLogs(PortalCalls calls) {
        this.calls = calls;
    }

    /** The matching records, fetched page by page ({@code startFrom += countLimit} while {@code hasMore}). */
    public Flux<LogEntry> query(LogQuery query) {
        return Paging.flux(startFrom -> page(query, startFrom), query.pageSize(), listLimit());
    }

    /** One page of matching records, starting at the {@code startFrom}-th. */
    /** The bound of a listing by this area's query operation. */
    Paging.Limit listLimit() {
        return this.calls.listLimit(CteraOperation.LOGS_QUERY);
    }

    public Mono<CteraPage<LogEntry>> page(LogQuery query, int startFrom) {
        if (startFrom < 0) {
            return Mono.error(new IllegalArgumentException("startFrom must not be negative, was " + startFrom));
        }
        return this.calls.execute(CteraOperation.LOGS_QUERY, "queryLogs", query.toParams(startFrom).toXml(),
                (head, body) -> this.calls.codec().decodePage(body, "logs", ReactiveLogs::toEntry));
    }

    static LogEntry toEntry(XmlObject record) {
        Map<String, String> attributes = new LinkedHashMap<>();
        flatten("", record, attributes);
        String time = attributes.get("time");
        return new LogEntry(parseTime(time), attributes.get("topic"), attributes.get("severity"),
                attributes.get("originType"), attributes.get("origin"), attributes.get("logName"),
                attributes.get("msg"), attributes);
    }

    private static void flatten(String prefix, XmlObject object, Map<String, String> into) {
        object.attributes().forEach((name, value) -> put(prefix + name, value, into));
    }

    private static void put(String key, XmlValue value, Map<String, String> into) {
        if (value instanceof XmlText text) {
            into.put(key, text.text());
        }
        else if (value instanceof XmlObject nested) {
            flatten(key + ".", nested, into);
        }
        else if (value instanceof XmlList list) {
            int index = 0;
            for (XmlValue item : list.items()) {
                put(key + "[" + index++ + "]", item, into);
            }
        }
    }

    private static @Nullable LocalDateTime parseTime(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim());
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }
}
