package com.ctera.client.analytics.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The writers of each export format; each writes rows as they come. */
final class ReportWriters {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private ReportWriters() {
    }

    /** Writes rows of a report. */
    interface ReportWriter {

        void write(Report report, Iterator<Row> rows, OutputStream out) throws IOException;
    }

    static ReportWriter forFormat(ReportFormat format) {
        return switch (format) {
            case CSV -> ReportWriters::csv;
            case JSON -> (report, rows, out) -> jackson(JSON, report, rows, out);
            case YAML -> (report, rows, out) -> jackson(YAML, report, rows, out);
            case HTML -> HtmlReportWriter::write;
        };
    }

    private static void csv(Report report, Iterator<Row> rows, OutputStream out) throws IOException {
        Peeked peeked = Peeked.of(report, rows);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer,
                CSVFormat.RFC4180.builder().setHeader(peeked.columns().toArray(String[]::new)).get());
        List<@Nullable Object> values = new ArrayList<>(peeked.columns().size());
        while (peeked.hasNext()) {
            Row row = peeked.next();
            values.clear();
            for (String column : peeked.columns()) {
                Object value = row.get(column);
                values.add((value == null) ? null : text(value));
            }
            printer.printRecord(values);
        }
        printer.flush();
    }

    private static void jackson(ObjectMapper mapper, Report report, Iterator<Row> rows, OutputStream out) {
        Peeked peeked = Peeked.of(report, rows);
        try (JsonGenerator generator = mapper.createGenerator(new NonClosing(out))) {
            generator.writeStartObject();
            generator.writeStringProperty("title", report.title());
            generator.writeName("columns");
            generator.writeStartArray();
            for (String column : peeked.columns()) {
                generator.writeString(column);
            }
            generator.writeEndArray();
            generator.writeName("rows");
            generator.writeStartArray();
            while (peeked.hasNext()) {
                Row row = peeked.next();
                generator.writeStartObject();
                for (String column : peeked.columns()) {
                    generator.writeName(column);
                    writeValue(generator, row.get(column));
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    private static void writeValue(JsonGenerator generator, @Nullable Object value) {
        if (value == null) {
            generator.writeNull();
        }
        else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            generator.writeNumber(((Number) value).longValue());
        }
        else if (value instanceof Number number) {
            double v = number.doubleValue();
            if (Double.isFinite(v)) {
                generator.writeNumber(v);
            }
            else {
                generator.writeString(Double.toString(v));
            }
        }
        else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        }
        else {
            generator.writeString(text(value));
        }
    }

    /** A value as written in text formats. */
    static String text(Object value) {
        return value.toString();
    }

    /** The columns of a report, taken from the first row when not declared, and the rows including that one. */
    static final class Peeked implements Iterator<Row> {

        private final List<String> columns;

        private @Nullable Row first;

        private final Iterator<Row> rest;

        private Peeked(List<String> columns, @Nullable Row first, Iterator<Row> rest) {
            this.columns = columns;
            this.first = first;
            this.rest = rest;
        }

        static Peeked of(Report report, Iterator<Row> rows) {
            if (!report.declaredColumns().isEmpty()) {
                return new Peeked(report.declaredColumns(), null, rows);
            }
            Row first = rows.hasNext() ? rows.next() : null;
            List<String> columns = (first != null) ? List.copyOf(first.values().keySet()) : List.of();
            return new Peeked(columns, first, rows);
        }

        List<String> columns() {
            return this.columns;
        }

        @Override
        public boolean hasNext() {
            return this.first != null || this.rest.hasNext();
        }

        @Override
        public Row next() {
            Row row = this.first;
            if (row != null) {
                this.first = null;
                return row;
            }
            if (!this.rest.hasNext()) {
                throw new NoSuchElementException();
            }
            return this.rest.next();
        }
    }

    /** The caller owns the stream: generators close what they write to. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            this.out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
