package com.ctera.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes {@link Rows} to standard output in the chosen {@link OutputFormat}: whole results with {@link #list} and
 * {@link #single}, a feed row by row with {@link #follow}. With {@code --quiet} only each row's key is written.
 */
public final class ResultPrinter {

    private static final int FOLLOW_COLUMN_WIDTH = 12;

    private final PrintStream out;

    private final OutputFormat format;

    private final boolean quiet;

    ResultPrinter(PrintStream out, OutputFormat format, boolean quiet) {
        this.out = out;
        this.format = format;
        this.quiet = quiet;
    }

    /** Writes a list of items (an array in JSON, a sequence in YAML). */
    public void list(Rows rows) {
        if (this.quiet) {
            keys(rows);
            return;
        }
        switch (this.format) {
            case TABLE -> table(rows);
            case CSV -> csv(rows, true);
            case JSON -> {
                List<String> objects = new ArrayList<>();
                rows.rows().forEach((row) -> objects.add(jsonObject(rows.columns(), row)));
                this.out.println(objects.isEmpty() ? "[]" : "[\n  " + String.join(",\n  ", objects) + "\n]");
            }
            case YAML -> {
                if (rows.rows().isEmpty()) {
                    this.out.println("[]");
                }
                rows.rows().forEach((row) -> this.out.print(yamlMapping(rows.columns(), row, "- ")));
            }
        }
        this.out.flush();
    }

    /** Writes one item (an object in JSON, a mapping in YAML, field and value lines in a table). */
    public void single(Rows rows) {
        if (rows.rows().size() != 1 || this.quiet) {
            list(rows);
            return;
        }
        List<@Nullable Object> row = rows.rows().get(0);
        switch (this.format) {
            case TABLE -> {
                Rows fields = Rows.of("field", "value");
                for (int i = 0; i < row.size(); i++) {
                    fields.add(rows.columns().get(i), row.get(i));
                }
                table(fields);
            }
            case CSV -> csv(rows, true);
            case JSON -> this.out.println(jsonObject(rows.columns(), row));
            case YAML -> this.out.print(yamlMapping(rows.columns(), row, ""));
        }
        this.out.flush();
    }

    /** Writes the outcomes of a change, a list even for one item; nothing with {@code --quiet}. */
    public void done(Rows rows) {
        if (!this.quiet) {
            list(rows);
        }
    }

    /**
     * Writes one row of a feed as it arrives: the header comes with the first row (table and CSV), JSON gives one
     * object per line, YAML one document per row.
     */
    public void follow(Rows rows, boolean first) {
        if (this.quiet) {
            keys(rows);
            return;
        }
        for (List<@Nullable Object> row : rows.rows()) {
            switch (this.format) {
                case TABLE -> {
                    if (first) {
                        this.out.println(padded(new ArrayList<>(rows.columns())));
                    }
                    this.out.println(padded(row));
                }
                case CSV -> csv(Rows.single(rows.columns(), row), first);
                case JSON -> this.out.println(jsonObject(rows.columns(), row));
                case YAML -> this.out.print("---\n" + yamlMapping(rows.columns(), row, ""));
            }
            first = false;
        }
        this.out.flush();
    }

    private void keys(Rows rows) {
        rows.rows().forEach((row) -> this.out.println(text(row.get(0))));
        this.out.flush();
    }

    private void table(Rows rows) {
        int[] widths = new int[rows.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = rows.columns().get(i).length();
            for (List<@Nullable Object> row : rows.rows()) {
                widths[i] = Math.max(widths[i], text(row.get(i)).length());
            }
        }
        this.out.println(aligned(new ArrayList<>(rows.columns()), widths));
        rows.rows().forEach((row) -> this.out.println(aligned(row, widths)));
    }

    private static String aligned(List<@Nullable Object> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = text(values.get(i));
            line.append(value);
            if (i < values.size() - 1) {
                line.append(" ".repeat(widths[i] - value.length() + 2));
            }
        }
        return line.toString().stripTrailing();
    }

    private static String padded(List<@Nullable Object> values) {
        int[] widths = new int[values.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(FOLLOW_COLUMN_WIDTH, text(values.get(i)).length());
        }
        return aligned(values, widths);
    }

    private void csv(Rows rows, boolean header) {
        if (header) {
            this.out.print(csvLine(new ArrayList<>(rows.columns())));
        }
        rows.rows().forEach((row) -> this.out.print(csvLine(row)));
    }

    private static String csvLine(List<@Nullable Object> values) {
        List<String> cells = new ArrayList<>();
        for (@Nullable Object value : values) {
            String cell = text(value);
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0;
            cells.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(",", cells) + "\r\n";
    }

    private static String jsonObject(List<String> columns, List<@Nullable Object> row) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            members.add(jsonString(columns.get(i)) + ": " + jsonValue(row.get(i)));
        }
        return "{" + String.join(", ", members) + "}";
    }

    // A JSON string is also a YAML double-quoted scalar, so YAML needs no quoting rules of its own.
    private static String yamlMapping(List<String> columns, List<@Nullable Object> row, String firstIndent) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            yaml.append((i == 0) ? firstIndent : " ".repeat(firstIndent.length()))
                .append(columns.get(i))
                .append(": ")
                .append(jsonValue(row.get(i)))
                .append('\n');
        }
        return yaml.toString();
    }

    private static String jsonValue(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return jsonString(value.toString());
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static String text(@Nullable Object value) {
        return (value != null) ? value.toString() : "";
    }
}
