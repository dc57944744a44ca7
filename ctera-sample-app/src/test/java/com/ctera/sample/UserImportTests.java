package com.ctera.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.ctera.autoconfigure.simulator.EmbeddedPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /users/import}: a CSV file becomes users of the embedded portal, with progress as server-sent events. */
// The same context as SampleApplicationTests, so Spring's test context cache starts the application once.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ctera.health.timeout=20s")
@AutoConfigureWebTestClient(timeout = "30s")
class UserImportTests {

    private static final ParameterizedTypeReference<ServerSentEvent<Object>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    private WebTestClient client;

    @Autowired
    private EmbeddedPortalSimulator embedded;

    @Test
    void importsTheUsersAndStreamsProgressThenTheResult() {
        StringBuilder csv = new StringBuilder("name,email,first_name,last_name,password\n");
        for (int i = 0; i < 20; i++) {
            csv.append("imported").append(i).append(",imported").append(i).append("@example.com,Imp,User").append(i)
                .append(",Passw0rd!").append(i).append('\n');
        }
        List<ServerSentEvent<Object>> events = post(csv.toString());
        assertThat(events).extracting(ServerSentEvent::event).contains("progress").last().isEqualTo("result");
        assertThat(events.get(events.size() - 1).data()).asString().contains("succeeded=20", "failed=0");
        String tenant = this.embedded.simulator().defaultTenant();
        for (int i = 0; i < 20; i++) {
            assertThat(this.embedded.simulator().state().userExists(tenant, "imported" + i)).isTrue();
        }
    }

    @Test
    void aFileWithABadRowGetsItsProblemsAndCreatesNobody() {
        String csv = "name,email,first_name,last_name,password\nok1,ok1@example.com,Ok,One,Passw0rd!1\n"
                + "bad,not-an-address,Bad,Row,Passw0rd!1\n";
        List<ServerSentEvent<Object>> events = post(csv);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("invalid");
            assertThat(event.data()).asString().contains("line 3, column 'email'");
        });
        assertThat(this.embedded.simulator().state().userExists(this.embedded.simulator().defaultTenant(), "ok1"))
            .isFalse();
    }

    private List<ServerSentEvent<Object>> post(String csv) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(csv.getBytes()) {
            @Override
            public String getFilename() {
                return "people.csv";
            }
        }).contentType(MediaType.parseMediaType("text/csv"));
        return this.client.post()
            .uri("/users/import")
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .accept(MediaType.TEXT_EVENT_STREAM)
            .body(BodyInserters.fromMultipartData(body.build()))
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(EVENT)
            .getResponseBody()
            .collectList()
            .block();
    }
}
