package com.ctera.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** XML answers are compressed for a client that asks, as the SDK does; small answers and file bodies are not. */
class CompressionTest {

    private static final String QUERY = "<obj><att id=\"type\"><val>db</val></att><att id=\"name\"><val>query</val>"
            + "</att><att id=\"param\"><obj><att id=\"startFrom\"><val>0</val></att><att id=\"countLimit\"><val>50"
            + "</val></att><att id=\"include\"><list><val>name</val><val>email</val></list></att></obj></att></obj>";

    private static CteraPortalSimulator simulator;

    private static String cookie;

    private static final HttpClient client = PortalHttp.newClient();

    @BeforeAll
    static void start() throws Exception {
        simulator = CteraPortalSimulator.start();
        for (int i = 0; i < 40; i++) {
            simulator.state().addUser("acme", "compressed.user." + i, "Passw0rd!", "EndUser",
                    "compressed.user." + i + "@acme.example.com");
        }
        cookie = new PortalHttp(simulator).session("ServicesPortal", simulator.tenantAdminCredentials()).cookie();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aListingIsGzippedOrDeflatedWhenAskedAndPlainOtherwise() throws Exception {
        HttpResponse<byte[]> plain = query(null);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        String xml = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<obj").contains("compressed.user.1@acme.example.com");

        HttpResponse<byte[]> gzip = query("gzip, deflate");
        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(inflate(new GZIPInputStream(new ByteArrayInputStream(gzip.body())))).isEqualTo(xml);
        assertThat(gzip.body().length).isLessThan(plain.body().length / 4);

        HttpResponse<byte[]> deflate = query("deflate");
        assertThat(deflate.headers().firstValue("Content-Encoding")).contains("deflate");
        assertThat(inflate(new InflaterInputStream(new ByteArrayInputStream(deflate.body())))).isEqualTo(xml);
    }

    @Test
    void aSmallAnswerGoesOutAsItIs() throws Exception {
        HttpResponse<byte[]> version = client.send(HttpRequest.newBuilder(api("/version")).header("Cookie", cookie)
            .header("Accept-Encoding", "gzip, deflate").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(version.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(version.body(), StandardCharsets.UTF_8)).startsWith("<val>");
    }

    private static HttpResponse<byte[]> query(String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api("/users")).header("Cookie", cookie)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(QUERY, StandardCharsets.UTF_8));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static URI api(String path) {
        return URI.create(simulator.baseUrl() + "/ServicesPortal/api" + path);
    }

    private static String inflate(InputStream compressed) throws IOException {
        try (compressed) {
            return new String(compressed.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
