package com.ctera.client.bulk;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where the items of a cloud folder tree go in a local directory, refusing every name that could lead outside it:
 * {@code .} and {@code ..}, names with a separator or a drive colon, names the listing's path disagrees with, and
 * items whose folder was itself refused. Folders must be placed before their items (a breadth-first walk does that).
 */
final class LocalTree {

    private final Path root;

    private final Map<String, Path> folders = new HashMap<>();

    LocalTree(String cloudRoot, Path localRoot) {
        this.root = localRoot.toAbsolutePath().normalize();
        this.folders.put(trim(cloudRoot), this.root);
    }

    /**
     * The local path of a listed item.
     * @throws UnsafePathException when the item may not be written
     */
    Path place(String cloudPath, String name, boolean folder) {
        String path = trim(cloudPath);
        String problem = nameProblem(name);
        if (problem != null) {
            throw new UnsafePathException(path, problem);
        }
        if (!path.endsWith("/" + name)) {
            throw new UnsafePathException(path, "the listing names it '" + name + "', which is not the last part of "
                    + "its path");
        }
        Path parent = this.folders.get(path.substring(0, path.length() - name.length() - 1));
        if (parent == null) {
            throw new UnsafePathException(path, "its folder was refused or is not inside the downloaded folder");
        }
        Path local = parent.resolve(name).normalize();
        if (!local.startsWith(this.root) || local.equals(this.root)) {
            throw new UnsafePathException(path, "it would be written outside " + this.root.getFileName());
        }
        if (folder) {
            this.folders.put(path, local);
        }
        return local;
    }

    static @Nullable String nameProblem(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "the name '" + name + "' is not a file name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || c == 0) {
                return "the name '" + name.replace("\0", "\\0") + "' contains a path separator, a colon or NUL";
            }
        }
        return null;
    }

    static String trim(String path) {
        String trimmed = path.replace('\\', '/');
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
