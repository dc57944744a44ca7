package com.ctera.autoconfigure.keys;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.core.ResolvableType;

/**
 * The property names that configuration classes bind, derived from the classes themselves as Spring Boot's binder
 * reads them: JavaBean properties and record components, a map's keys or a list's indexes as "any element", nested
 * classes followed down. Names compare in Boot's uniform form, so {@code bearerToken}, {@code bearer-token} and
 * {@code bearer_token} are one name.
 */
final class BoundKeys {

    private final Node root = new Node("");

    /** Adds every name that {@code type} binds under {@code prefix}, such as {@code ctera.health}. */
    void addClass(String prefix, Class<?> type) {
        addType(nodeAt(prefix), ResolvableType.forClass(type), new HashSet<>());
    }

    /** Adds one exact name, such as a key that configuration metadata declares without a class behind it. */
    void addName(String name) {
        nodeAt(name).leaf = true;
    }

    /** Whether some class binds {@code name}. */
    boolean contains(ConfigurationPropertyName name) {
        return matches(this.root, name, 0);
    }

    /**
     * The known name closest to {@code unknown} in spelling, with the unknown name's own map keys in the places of
     * "any element"; null when none is reasonably close.
     */
    @Nullable String nearest(ConfigurationPropertyName unknown) {
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < unknown.getNumberOfElements(); i++) {
            elements.add(unknown.getElement(i, Form.DASHED));
        }
        String written = String.join(".", elements);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (List<String> pattern : patterns()) {
            String candidate = instantiate(pattern, elements);
            int distance = Levenshtein.distance(written, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Further than a third of the name away, a suggestion would mislead more than help.
        return (best != null && bestDistance <= Math.max(2, written.length() / 3)) ? best : null;
    }

    private static String instantiate(List<String> pattern, List<String> elements) {
        List<String> candidate = new ArrayList<>(pattern.size());
        for (int i = 0; i < pattern.size(); i++) {
            String element = pattern.get(i);
            candidate.add(Node.ANY.equals(element) && i < elements.size() ? elements.get(i) : element);
        }
        return String.join(".", candidate);
    }

    /** Every bindable name as its elements (dashed form, "*" for any element), from the root. */
    private List<List<String>> patterns() {
        List<List<String>> patterns = new ArrayList<>();
        collect(this.root, new ArrayList<>(), patterns);
        return patterns;
    }

    private static void collect(Node node, List<String> path, List<List<String>> patterns) {
        if ((node.leaf || node.open) && !path.isEmpty()) {
            patterns.add(List.copyOf(path));
        }
        for (Node child : node.children.values()) {
            path.add(child.dashed);
            collect(child, path, patterns);
            path.remove(path.size() - 1);
        }
    }

    private static boolean matches(Node node, ConfigurationPropertyName name, int index) {
        if (index == name.getNumberOfElements()) {
            // A parent of known names is fine too: an empty map or list written as "key: {}" or "key: []".
            return node.leaf || node.open || !node.children.isEmpty();
        }
        if (node.open) {
            return true;
        }
        Node exact = node.children.get(name.getElement(index, Form.UNIFORM));
        if (exact != null && matches(exact, name, index + 1)) {
            return true;
        }
        Node any = node.children.get(Node.ANY);
        return any != null && matches(any, name, index + 1);
    }

    private Node nodeAt(String name) {
        Node node = this.root;
        ConfigurationPropertyName parsed = ConfigurationPropertyName.of(name);
        for (int i = 0; i < parsed.getNumberOfElements(); i++) {
            node = node.child(parsed.getElement(i, Form.DASHED));
        }
        return node;
    }

    private void addType(Node node, ResolvableType type, Set<Class<?>> enclosing) {
        Class<?> raw = type.resolve(Object.class);
        if (type.asMap() != ResolvableType.NONE) {
            node.leaf = true;
            addType(node.child(Node.ANY), type.asMap().getGeneric(1), enclosing);
        }
        else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            // A list binds from "a,b" as one value or from indexed elements.
            node.leaf = true;
            ResolvableType element = raw.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
            addType(node.child(Node.ANY), element, enclosing);
        }
        else if (raw == Object.class) {
            node.open = true;
        }
        else if (isValue(raw) || !enclosing.add(raw)) {
            node.leaf = true;
        }
        else {
            Map<String, ResolvableType> properties = properties(raw);
            if (properties.isEmpty()) {
                node.leaf = true;
            }
            properties.forEach((name, propertyType) -> addType(node.child(name), propertyType, enclosing));
            enclosing.remove(raw);
        }
    }

    /** Types that bind from one value: JDK types, enums, and Spring's value types such as DataSize and Resource. */
    private static boolean isValue(Class<?> type) {
        String name = type.getName();
        return type.isPrimitive() || type.isEnum() || name.startsWith("java.") || name.startsWith("javax.")
                || name.startsWith("org.springframework.util.unit.") || name.startsWith("org.springframework.core.io.");
    }

    /** The bindable properties of a class by dashed name: record components, or JavaBean properties. */
    private static Map<String, ResolvableType> properties(Class<?> type) {
        Map<String, ResolvableType> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(dashed(component.getName()), ResolvableType.forMethodReturnType(component.getAccessor()));
            }
            return properties;
        }
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
            if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
                continue;
            }
            ResolvableType propertyType = ResolvableType.forMethodReturnType(descriptor.getReadMethod(), type);
            // Without a setter Boot still binds into the object a getter returns, which a value cannot be.
            boolean bindable = descriptor.getWriteMethod() != null || !isValue(propertyType.resolve(Object.class));
            if (bindable) {
                properties.put(dashed(descriptor.getName()), propertyType);
            }
        }
        return properties;
    }

    private static String dashed(String camelCase) {
        StringBuilder dashed = new StringBuilder(camelCase.length() + 4);
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                dashed.append('-').append(Character.toLowerCase(c));
            }
            else {
                dashed.append(c);
            }
        }
        return dashed.toString();
    }

    /** One element of the names: its children by uniform name, "*" for any element. */
    private static final class Node {

        static final String ANY = "*";

        final String dashed;

        final Map<String, Node> children = new LinkedHashMap<>();

        /** A name ends here. */
        boolean leaf;

        /** Any name below binds (a property of type Object). */
        boolean open;

        Node(String dashed) {
            this.dashed = dashed;
        }

        Node child(String dashedName) {
            String key = ANY.equals(dashedName) ? ANY : ConfigurationPropertyName.of(dashedName).getElement(0,
                    Form.UNIFORM);
            return this.children.computeIfAbsent(key, (absent) -> new Node(dashedName));
        }
    }
}
