package com.ctera.simulator;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.ctera.simulator.xml.XmlObj;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryFilterTest {

    private static Function<String, @Nullable String> fields(Map<String, String> values) {
        return values::get;
    }

    private static boolean test(String kind, String field, String restriction, @Nullable String value,
            Map<String, String> object) {
        return new QueryFilter(kind, field, restriction, value).test(fields(object));
    }

    @Test
    void numbersCompareNumericallyNotAsText() {
        Map<String, String> user = Map.of("uid", "900");
        assertThat(test("IntFilter", "uid", "lt", "1000", user)).isTrue();
        assertThat(test("StringFilter", "uid", "lt", "1000", user)).isFalse();
        assertThat(test("IntFilter", "uid", "eq", "0900", user)).isTrue();
        assertThat(test("IntFilter", "uid", "eq", "abc", user)).isFalse();
        assertThat(test("IntFilter", "uid", "ne", "abc", user)).isTrue();
    }

    @Test
    void dateTimesAndBooleansCompareByValue() {
        Map<String, String> device = Map.of("time", "2024-05-01T10:00:00", "connected", "true");
        assertThat(test("DateTimeFilter", "time", "gt", "2024-05-01T09:59:59", device)).isTrue();
        assertThat(test("DateTimeFilter", "time", "lt", "2024-05-01T09:59:59", device)).isFalse();
        assertThat(test("BooleanFilter", "connected", "eq", "TRUE", device)).isTrue();
        assertThat(test("BooleanFilter", "connected", "ne", "false", device)).isTrue();
    }

    @Test
    void likeIsACaseInsensitiveSubstringAndNullsOnlyEqualNulls() {
        Map<String, String> user = Map.of("email", "Olivia.Smith@acme.example.com");
        assertThat(test("StringFilter", "email", "like", "SMITH@", user)).isTrue();
        assertThat(test("StringFilter", "email", "notLike", "smith", user)).isFalse();
        assertThat(test("StringFilter", "company", "eq", "x", user)).isFalse();
        assertThat(test("StringFilter", "company", "ne", "x", user)).isTrue();
        assertThat(test("StringFilter", "company", "eq", null, user)).isTrue();
        assertThat(test("StringFilter", "company", "like", "x", user)).isFalse();
    }

    @Test
    void refFiltersMatchAReferenceByTheReferencedName() {
        Map<String, String> device = Map.of("owner", "objs/1003/acme/PortalUser/alice");
        assertThat(test("RefFilter", "owner", "eq", "alice", device)).isTrue();
        assertThat(test("RefFilter", "owner", "eq", "objs/1003/acme/PortalUser/alice", device)).isTrue();
        assertThat(test("RefFilter", "owner", "eq", "bob", device)).isFalse();
    }

    @Test
    void parsingRejectsUnknownRestrictionsAndMissingFields() {
        XmlObj unknown = XmlObj.ofClass("StringFilter").put("field", "a").put("restriction", "near").put("value", "b");
        assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> QueryFilter.from(unknown));
        XmlObj noField = XmlObj.ofClass("StringFilter").put("restriction", "eq").put("value", "b");
        assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> QueryFilter.from(noField));
        XmlObj classless = XmlObj.plain().put("field", "a").put("restriction", "eq").put("value", "b");
        assertThat(QueryFilter.from(classless).kind()).isEqualTo("StringFilter");
    }

    @Test
    void projectionsKeepNameAndSelectNestedAttributes() {
        XmlObj status = XmlObj.plain().put("connected", "true").put("updateTime", "t");
        XmlObj device = XmlObj.ofClass("Device").put("name", "FSRV1").put("version", "7").put("status", status);
        XmlObj included = Projection.ofIncludes(Set.of("status.connected", "missing")).apply(device, "Device");
        assertThat(included.attributes().keySet()).containsExactlyInAnyOrder("name", "status", "missing")
            .first().isEqualTo("name");
        assertThat(((XmlObj) included.get("status")).attributes().keySet()).containsExactly("connected");
        assertThat(included.get("missing")).isNull();
        XmlObj picked = Projection.ofPaths(java.util.List.of("/version", "/status")).apply(device, null);
        assertThat(picked.attributes().keySet()).containsExactly("version", "status");
        assertThat(picked.className()).isNull();
    }
}
