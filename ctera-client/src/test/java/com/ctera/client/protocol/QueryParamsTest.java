package com.ctera.client.protocol;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The order and content of query parameters and filters. */
class QueryParamsTest {

    @Test
    void defaultsAreFirstPageOfFifty() {
        QueryParams params = QueryParams.builder().build();
        assertThat(params.startFrom()).isZero();
        assertThat(params.countLimit()).isEqualTo(50);
        assertThat(params.toXml()).isEqualTo(XmlObject.builder().put("startFrom", 0).put("countLimit", 50).build());
    }

    @Test
    void attributesFollowStartFromAndCountLimitInCallOrder() {
        XmlObject xml = QueryParams.builder()
            .ownedBy(55)
            .sortBy("name")
            .allPortals(true)
            .countLimit(10)
            .startFrom(20)
            .put("includeDeleted", true)
            .put("topic", "system")
            .put("extra", (XmlValue) null)
            .include(List.of("name"))
            .build()
            .toXml();
        assertThat(xml.attributes().keySet()).containsExactly("startFrom", "countLimit", "ownedBy", "sortBy",
                "allPortals", "includeDeleted", "topic", "extra", "include");
        assertThat(xml.text("startFrom")).isEqualTo("20");
        assertThat(xml.text("countLimit")).isEqualTo("10");
        assertThat(xml.text("ownedBy")).isEqualTo("55");
        assertThat(xml.isNull("extra")).isTrue();
        assertThat(xml.className()).isNull();
    }

    @Test
    void filtersAccumulateIntoOneListWhereTheFirstWasAdded() {
        XmlObject xml = QueryParams.builder()
            .filter(Filter.string("name").eq("a"))
            .orFilter(true)
            .filters(List.of(Filter.string("name").eq("b"), Filter.string("name").eq("c")))
            .build()
            .toXml();
        assertThat(xml.attributes().keySet()).containsExactly("startFrom", "countLimit", "filters", "orFilter");
        assertThat(xml.list("filters")).extracting(filter -> ((XmlObject) filter).text("value"))
            .containsExactly("a", "b", "c");
    }

    @Test
    void settingAgainReplacesInPlace() {
        XmlObject xml = QueryParams.builder().include("a").orFilter(false).include("b", "c").build().toXml();
        assertThat(xml.attributes().keySet()).containsExactly("startFrom", "countLimit", "include", "orFilter");
        assertThat(xml.list("include")).containsExactly(XmlText.of("b"), XmlText.of("c"));
    }

    @Test
    void withStartFromIsACopyForTheNextPage() {
        QueryParams first = QueryParams.builder().className("QueryParams").countLimit(100).include("name").build();
        QueryParams second = first.withStartFrom(100);
        assertThat(first.startFrom()).isZero();
        assertThat(second.startFrom()).isEqualTo(100);
        assertThat(second.toXml()).isEqualTo(first.toXml().with("startFrom", XmlText.of("100")));
        assertThat(second.toXml().className()).isEqualTo("QueryParams");
    }

    @Test
    void theBuilderStaysUsableWithoutChangingBuiltParams() {
        QueryParams.Builder builder = QueryParams.builder().filter(Filter.string("a").eq("1"));
        QueryParams built = builder.build();
        builder.filter(Filter.string("b").eq("2"));
        assertThat(built.toXml().list("filters")).hasSize(1);
        assertThat(builder.build().toXml().list("filters")).hasSize(2);
    }

    @Test
    void invalidValuesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> QueryParams.builder().countLimit(0));
        assertThatIllegalArgumentException().isThrownBy(() -> QueryParams.builder().startFrom(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> QueryParams.builder().build().withStartFrom(-50));
        assertThatIllegalArgumentException().isThrownBy(() -> QueryParams.builder().put("startFrom", "1"))
            .withMessageContaining("own builder method");
        assertThatIllegalArgumentException().isThrownBy(() -> QueryParams.builder().put("filters", XmlList.empty()));
    }

    @Test
    void everyRestrictionIsWrittenWithItsWireName() {
        Filter.Field<String> name = Filter.string("name");
        assertThat(List.of(name.like("x"), name.notLike("x"), name.eq("x"), name.ne("x"), name.ge("x"), name.gt("x"),
                name.le("x"), name.lt("x"), name.before("x"), name.after("x")))
            .extracting(Filter::restriction)
            .containsExactly("like", "notLike", "eq", "ne", "ge", "gt", "le", "lt", "lt", "gt");
    }

    @Test
    void filterTypesAndValueFormats() {
        assertThat(Filter.integer("uid").ge(55)).isEqualTo(new Filter("IntFilter", "uid", "ge", "55"));
        assertThat(Filter.integer("size").lt(5_000_000_000L)).isEqualTo(new Filter("IntFilter", "size", "lt", "5000000000"));
        assertThat(Filter.bool("isDeleted").eq(false)).isEqualTo(new Filter("BooleanFilter", "isDeleted", "eq", "false"));
        assertThat(Filter.ref("owner").eq("alice")).isEqualTo(new Filter("RefFilter", "owner", "eq", "alice"));
        assertThat(Filter.dateTime("time").after(LocalDateTime.of(2024, 5, 1, 9, 3, 7, 999_000_000)))
            .isEqualTo(new Filter("DateTimeFilter", "time", "gt", "2024-05-01T09:03:07"));
        assertThat(Filter.string("email").like("a&b").toXml()).isEqualTo(XmlObject.builder("StringFilter")
            .put("field", "email").put("restriction", "like").put("value", "a&b").build());
    }
}
