package com.ctera.client.protocol;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The attributes a read or query asks the portal for (protocol §1.4): names such as {@code email}, nested ones
 * with dots ({@code deviceConnectionStatus.connected}), always with {@code name}, which tells a missing object.
 */
public final class IncludeList {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private IncludeList() {
    }

    /**
     * The fields to include, in the order given, without repeats, with {@code name} added.
     * @throws IllegalArgumentException naming the first field that is not an attribute name or dotted path
     */
    public static List<String> of(Collection<String> fields) {
        Set<String> included = new LinkedHashSet<>();
        for (String field : fields) {
            if (field == null || !FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("Invalid field '" + field + "': give attribute names such as "
                        + "'email', or dotted paths such as 'deviceConnectionStatus.connected'");
            }
            included.add(field);
        }
        included.add("name");
        return List.copyOf(included);
    }

    /** The {@code get-multi} paths of the fields: {@code /email}, {@code /deviceConnectionStatus/connected}. */
    public static List<String> getMultiPaths(Collection<String> fields) {
        return of(fields).stream().map(field -> "/" + field.replace('.', '/')).toList();
    }
}
