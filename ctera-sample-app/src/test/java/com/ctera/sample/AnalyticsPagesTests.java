package com.ctera.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics pages on the embedded portal's seeded 90-day history, reached from the home page. Same
 * configuration as {@link SampleApplicationTests}, so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ctera.health.timeout=20s")
@AutoConfigureWebTestClient(timeout = "60s")
class AnalyticsPagesTests {

    @Autowired
    private WebTestClient client;

    @Test
    void theHomePageLinksEveryAnalytic() {
        String home = body("/", MediaType.TEXT_HTML);
        assertThat(home).contains("href=\"/analytics/storage\"", "href=\"/analytics/security\"",
                "href=\"/analytics/compliance?standard=GDPR\"", "href=\"/analytics/activity\"");
    }

    @Test
    void theStoragePageChartsTheForecast() {
        assertThat(body("/analytics/storage", MediaType.TEXT_HTML)).contains("<svg id=\"chart\"", "predictedBytes",
                "Ordinary least squares on 91 daily values", "class=\"band\"");
    }

    @Test
    void theSecurityPageShowsTheSeededFindingsWithTheirRecords() {
        assertThat(body("/analytics/security", MediaType.TEXT_HTML)).contains("185.220.101.47: 6 failed logins",
                "198.51.100.23", "noah.brown", "was denied download");
    }

    @Test
    void reportsExportAsCsv() {
        assertThat(body("/analytics/activity?format=csv", new MediaType("text", "csv")))
            .startsWith("user,logins,fileOperations\r\n");
        assertThat(body("/analytics/compliance?standard=SOC2&format=json", MediaType.APPLICATION_JSON))
            .contains("\"BRUTE_FORCE\"", "\"FAIL\"", "SOC 2 CC6.1");
    }

    private String body(String uri, MediaType type) {
        return this.client.get().uri(uri).exchange().expectStatus().isOk().expectHeader()
            .contentTypeCompatibleWith(type).expectBody(String.class).returnResult().getResponseBody();
    }
}
