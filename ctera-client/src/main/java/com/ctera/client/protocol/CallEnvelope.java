package com.ctera.client.protocol;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the management API's {@code POST} calls:
 * {@code <obj><att id="type">..</att><att id="name">..</att><att id="param">..</att></obj>}.
 */
public final class CallEnvelope {

    /** The {@code type} of a database call (query, get-multi, add). */
    public static final String DATABASE = "db";

    /** The {@code type} of a named server-side operation (fetchResources, queryLogs, delete...). */
    public static final String USER_DEFINED = "user-defined";

    private CallEnvelope() {
    }

    /** A {@code db} call; a {@code null} param is written {@code <att id="param" />}. */
    public static XmlObject database(String name, @Nullable XmlValue param) {
        return envelope(DATABASE, name, param);
    }

    /** A {@code user-defined} call; a {@code null} param is written {@code <att id="param" />}. */
    public static XmlObject userDefined(String name, @Nullable XmlValue param) {
        return envelope(USER_DEFINED, name, param);
    }

    /**
     * A {@code db get-multi} that reads only the given attributes of the object at the request path. Paths are
     * written as given when they start with {@code /}; a bare attribute name gets the {@code /} the SDK adds.
     */
    public static XmlObject getMulti(List<String> paths) {
        List<XmlValue> items = new ArrayList<>(paths.size());
        for (String path : paths) {
            items.add(new XmlText(path.startsWith("/") ? path : "/" + path));
        }
        return database("get-multi", new XmlList(items));
    }

    /** A {@code db query} with the given parameter (protocol §4.1). */
    public static XmlObject query(QueryParams params) {
        return database("query", params.toXml());
    }

    /** A {@code db add} of a new object under the request path. */
    public static XmlObject add(XmlValue object) {
        return database("add", object);
    }

    private static XmlObject envelope(String type, String name, @Nullable XmlValue param) {
        return XmlObject.builder().put("type", type).put("name", name).put("param", param).build();
    }
}
