package com.ctera.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A command's result, filled row by row: named columns, fixed per command so scripts can rely on them, and rows of
 * values (text, numbers, booleans or {@code null}). The first column is the key {@code --quiet} prints.
 */
public final class Rows {

    private final List<String> columns;

    private final List<List<@Nullable Object>> rows = new ArrayList<>();

    private Rows(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** An empty result with these columns. */
    public static Rows of(String... columns) {
        return new Rows(List.of(columns));
    }

    /** A result with these columns and the one row. */
    static Rows single(List<String> columns, List<@Nullable Object> row) {
        Rows rows = new Rows(columns);
        rows.rows.add(row);
        return rows;
    }

    /**
     * Appends a row, one value per column.
     * @throws IllegalArgumentException if the number of values is not the number of columns
     */
    public Rows add(@Nullable Object... values) {
        if (values.length != this.columns.size()) {
            throw new IllegalArgumentException("a row has " + values.length + " values for " + this.columns.size()
                    + " columns " + this.columns);
        }
        this.rows.add(Collections.unmodifiableList(Arrays.asList(values)));
        return this;
    }

    /** The column names, in order. */
    public List<String> columns() {
        return this.columns;
    }

    /** The rows so far, each in column order. */
    public List<List<@Nullable Object>> rows() {
        return Collections.unmodifiableList(this.rows);
    }
}
