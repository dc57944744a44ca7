package com.ctera.simulator;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlValue;
import org.jspecify.annotations.Nullable;

/**
 * Selects attributes of an object: the query {@code include} set (dotted paths for nested attributes) and the
 * get-multi path list ({@code /a/b}). A requested attribute the object lacks comes back null.
 */
final class Projection {

    private final Map<String, @Nullable Projection> children;

    private Projection(Map<String, @Nullable Projection> children) {
        this.children = children;
    }

    /** From query include names; {@code name} is always part of the answer. */
    static Projection ofIncludes(Set<String> include) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add("name");
        paths.addAll(include);
        return of(paths, "\\.");
    }

    /** From get-multi paths such as {@code /email} or {@code /deviceConnectionStatus/connected}. */
    static Projection ofPaths(Iterable<String> getMultiPaths) {
        Set<String> paths = new LinkedHashSet<>();
        for (String path : getMultiPaths) {
            paths.add(path.startsWith("/") ? path.substring(1) : path);
        }
        return of(paths, "/");
    }

    private static Projection of(Set<String> paths, String separatorRegex) {
        Map<String, Set<String>> grouped = new LinkedHashMap<>();
        for (String path : paths) {
            if (path.isEmpty()) {
                continue;
            }
            String[] parts = path.split(separatorRegex, 2);
            Set<String> rest = grouped.computeIfAbsent(parts[0], key -> new LinkedHashSet<>());
            // An empty rest marks "the whole attribute"; it wins over any nested selection.
            rest.add(parts.length > 1 ? parts[1] : "");
        }
        Map<String, @Nullable Projection> children = new LinkedHashMap<>();
        grouped.forEach((id, rests) -> {
            if (rests.contains("")) {
                children.put(id, null);
            }
            else {
                children.put(id, of(rests, separatorRegex));
            }
        });
        return new Projection(children);
    }

    /** The requested attribute ids at this level. */
    Set<String> ids() {
        return this.children.keySet();
    }

    /** A new object holding only the selected attributes, in the order requested. */
    XmlObj apply(XmlObj source, @Nullable String className) {
        XmlObj result = new XmlObj(className, null);
        this.children.forEach((id, nested) -> {
            XmlValue value = source.get(id);
            if (nested != null && value instanceof XmlObj child) {
                result.put(id, nested.apply(child, child.className()));
            }
            else {
                result.put(id, value);
            }
        });
        return result;
    }
}
