package com.ctera.client.analytics.report;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/** Filters, aggregations, sort and limit against a computation made here; every export parses back. */
class ReportBuilderTest {

    private static final List<String> DEPARTMENTS = List.of("finance", "legal", "sales", "it, \"ops\"");

    private static List<Row> files() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(Row.empty().put("name", "file-" + i).put("department", DEPARTMENTS.get(random.nextInt(4)))
                .put("size", (long) random.nextInt(1_000_000)).put("versions", 1 + random.nextInt(5)));
        }
        return rows;
    }

    private static Report bySize() {
        List<Row> rows = files();
        return ReportBuilder.titled("Size by department")
            .source(() -> rows.stream())
            .where("versions", ReportBuilder.Operator.GE, 2)
            .groupBy("department")
            .aggregate(Aggregation.count(), Aggregation.sum("size"), Aggregation.avg("size"), Aggregation.min("size"),
                    Aggregation.max("size"), Aggregation.percentile("size", 90))
            .sortBy("sum_size", true)
            .limit(3)
            .build();
    }

    @Test
    void aggregatesMatchAComputationOverTheRows() {
        Map<String, List<Long>> sizes = new HashMap<>();
        for (Row row : files()) {
            if (((Integer) row.get("versions")) >= 2) {
                sizes.computeIfAbsent((String) row.get("department"), d -> new ArrayList<>())
                    .add((Long) row.get("size"));
            }
        }
        List<String> expectedOrder = sizes.entrySet().stream()
            .sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())))
            .limit(3).map(Map.Entry::getKey).toList();
        List<Row> report = bySize().toList();
        assertThat(report).extracting(row -> row.get("department")).containsExactlyElementsOf(expectedOrder);
        for (Row row : report) {
            List<Long> values = sizes.get((String) row.get("department"));
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            assertThat(row.get("count")).isEqualTo((long) values.size());
            assertThat(row.get("sum_size")).isEqualTo(sum(values));
            assertThat((Double) row.get("avg_size")).isCloseTo((double) sum(values) / values.size(), within(1e-6));
            assertThat(row.get("min_size")).isEqualTo(sorted[0]);
            assertThat(row.get("max_size")).isEqualTo(sorted[sorted.length - 1]);
            // PERCENTILE.INC: rank p(n-1), interpolated.
            double rank = 0.9 * (sorted.length - 1);
            int below = (int) rank;
            double p90 = sorted[below] + (rank - below) * (sorted[Math.min(below + 1, sorted.length - 1)]
                    - sorted[below]);
            assertThat((Double) row.get("p90_size")).isCloseTo(p90, within(1e-6));
        }
    }

    @Test
    void rawRowsAreFilteredSortedLimitedAndProjected() {
        List<Row> rows = files();
        List<Row> report = ReportBuilder.titled("Largest finance files").source(rows::stream)
            .where("department", ReportBuilder.Operator.EQ, "finance").sortBy("size", true).limit(5)
            .columns("name", "size").build().toList();
        List<Long> expected = rows.stream().filter(row -> row.get("department").equals("finance"))
            .map(row -> (Long) row.get("size")).sorted((a, b) -> Long.compare(b, a)).limit(5).toList();
        assertThat(report).extracting(row -> row.get("size")).containsExactlyElementsOf(expected);
        assertThat(report).allSatisfy(row -> assertThat(row.values().keySet()).containsExactly("name", "size"));
    }

    @Test
    void sortingTooManyRowsWithoutALimitIsRefusedWithTheRemedy() {
        Report report = ReportBuilder.titled("Everything sorted")
            .source(() -> IntStream.range(0, ReportBuilder.MAX_SORTED_ROWS + 1)
                .mapToObj(i -> Row.empty().put("i", i)))
            .sortBy("i", true).build();
        assertThatIllegalStateException().isThrownBy(report::toList).withMessageContaining("add a limit");
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = { "CSV", "JSON", "YAML" })
    void everyExportParsesBackToTheSameRows(ReportFormat format) {
        Report report = bySize();
        List<Map<String, String>> expected = new ArrayList<>();
        for (Row row : report.toList()) {
            Map<String, String> text = new LinkedHashMap<>();
            row.values().forEach((name, value) -> text.put(name, (value == null) ? null : value.toString()));
            expected.add(text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.export(format, out);
        String written = out.toString(StandardCharsets.UTF_8);
        List<Map<String, String>> parsed = switch (format) {
            case CSV -> parseCsv(written);
            case JSON -> parseTree(JsonMapper.builder().build(), written, report.title());
            case YAML -> parseTree(YAMLMapper.builder().build(), written, report.title());
            case HTML -> throw new IllegalStateException();
        };
        assertThat(parsed).hasSize(3);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> want = expected.get(i);
            Map<String, String> got = parsed.get(i);
            assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
            want.forEach((name, value) -> {
                if (name.startsWith("avg") || name.startsWith("p90")) {
                    assertThat(Double.parseDouble(got.get(name))).isCloseTo(Double.parseDouble(value), within(1e-9));
                }
                else {
                    assertThat(got.get(name)).as(name).isEqualTo(value);
                }
            });
        }
    }

    @Test
    void theHtmlPageIsSelfContainedAndEscapesValues() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportBuilder.titled("<b>x</b>").source(() -> files().stream().limit(20))
            .chart(ChartSpec.line("name", "bytes", "size")).build().export(ReportFormat.HTML, out);
        String html = out.toString(StandardCharsets.UTF_8);
        assertThat(html).contains("Content-Security-Policy").contains("<svg id=\"chart\"")
            .contains("&lt;b&gt;x&lt;/b&gt;").contains("it, &quot;ops&quot;").doesNotContain("<script")
            .doesNotContain("src=").doesNotContain("href=");
    }

    private static List<Map<String, String>> parseCsv(String csv) {
        try {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
            return rows;
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static List<Map<String, String>> parseTree(ObjectMapper mapper, String text, String title) {
        JsonNode tree = mapper.readTree(text);
        assertThat(tree.get("title").asString()).isEqualTo(title);
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode row : tree.get("rows")) {
            Map<String, String> values = new LinkedHashMap<>();
            row.properties().forEach(entry -> values.put(entry.getKey(),
                    entry.getValue().isNull() ? null : entry.getValue().asString()));
            rows.add(values);
        }
        return rows;
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

}
