package com.ctera.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlText;
import com.ctera.simulator.xml.XmlValue;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/** Cloud drive calls as the SDK sends them (protocol §5.4), for one logged-in JDK-HttpClient session. */
final class FileCalls {

    static final String BOUNDARY = "a38a142eda1942c2b6e5c64913e8129b";

    private final URI base;
    private final String context;
    private final PortalHttp.Session session;
    private final HttpClient client = PortalHttp.newClient();

    FileCalls(CteraPortalSimulator simulator, String context, PortalHttp.Session session) {
        this.base = simulator.baseUrl();
        this.context = context;
        this.session = session;
    }

    String href(String relative) {
        StringBuilder out = new StringBuilder("/" + this.context + "/webdav");
        for (String segment : relative.split("/")) {
            if (!segment.isEmpty()) {
                out.append('/').append(WebdavPath.encode(segment));
            }
        }
        return out.toString();
    }

    XmlObj fetch(String relative, String depth, String extra) throws Exception {
        String param = "<obj class=\"FetchResourcesParam\"><att id=\"start\"><val>0</val></att><att id=\"limit\"><val>100"
                + "</val></att><att id=\"root\"><val>" + href(relative) + "</val></att><att id=\"depth\"><val>" + depth
                + "</val></att>" + extra + "</obj>";
        return ok(this.session.post("", PortalHttp.execute("fetchResources", param)));
    }

    XmlObj fetchPage(String relative, int start, int limit) throws Exception {
        String param = "<obj class=\"FetchResourcesParam\"><att id=\"start\"><val>" + start + "</val></att><att id="
                + "\"limit\"><val>" + limit + "</val></att><att id=\"root\"><val>" + href(relative) + "</val></att>"
                + "<att id=\"depth\"><val>1</val></att></obj>";
        return ok(this.session.post("", PortalHttp.execute("fetchResources", param)));
    }

    /** The makeCollection reply text; empty for the empty success answer. */
    String mkdir(String parent, String name) throws Exception {
        HttpResponse<String> response = this.session.post("", PortalHttp.execute("makeCollection",
                "<obj><att id=\"name\"><val>" + name + "</val></att><att id=\"parentPath\"><val>" + href(parent)
                        + "</val></att></obj>"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().isEmpty() ? "" : ((XmlText) PortalHttp.parse(response)).text();
    }

    /** Uploads like the SDK: the five fields in order, the body streamed from {@code body}. */
    HttpResponse<String> upload(long folderUid, String relative, Supplier<InputStream> body, long size)
            throws IOException, InterruptedException {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        String head = field("name", name) + field("Filename", name)
                + field("fullpath", this.base + href(relative).substring(0)) + field("fileSize", Long.toString(size))
                + "--" + BOUNDARY + "\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; "
                + "name=\"file\"; filename=\"file\"\r\n\r\n";
        String tail = "\r\n--" + BOUNDARY + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(this.base.resolve("/" + this.context + "/upload/folders/"
                + folderUid))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .header(header(), this.session.cookie())
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                    new SequenceInputStream(stream(head), body.get()), stream(tail))))
            .build();
        return this.client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(long folderUid, String relative, byte[] content)
            throws IOException, InterruptedException {
        return upload(folderUid, relative, () -> new ByteArrayInputStream(content), content.length);
    }

    /** Posts a raw body to the upload endpoint, with the content type given: for malformed uploads. */
    HttpResponse<String> uploadRaw(long folderUid, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(this.base.resolve("/" + this.context + "/upload/folders/"
                + folderUid))
            .timeout(PortalHttp.TIMEOUT)
            .header("Content-Type", contentType)
            .header(header(), this.session.cookie())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return this.client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The SDK's multipart body for a small text file, without its closing boundary when {@code closed} is false. */
    String uploadBody(String relative, String content, boolean closed) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return field("name", name) + field("Filename", name) + field("fullpath", this.base + href(relative))
                + field("fileSize", Integer.toString(content.length())) + "--" + BOUNDARY
                + "\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"file\"\r\n\r\n" + content + (closed ? "\r\n--" + BOUNDARY + "--\r\n" : "");
    }

    HttpResponse<byte[]> download(String relative) throws IOException, InterruptedException {
        return download(relative, new String[0]);
    }

    /** A download with extra request headers, given as name, value, name, value... */
    HttpResponse<byte[]> download(String relative, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(href(relative)))
            .timeout(PortalHttp.TIMEOUT)
            .header(header(), this.session.cookie())
            .GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<InputStream> downloadStream(String relative) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(this.base.resolve(href(relative)))
            .timeout(Duration.ofMinutes(5))
            .header(header(), this.session.cookie())
            .GET()
            .build();
        return this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<byte[]> zip(long folderUid, String inputXml) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(this.base.resolve("/" + this.context + "/folders/folders/"
                + folderUid))
            .timeout(PortalHttp.TIMEOUT)
            .header(header(), this.session.cookie())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("inputXML=" + PortalHttp.encode(inputXml)))
            .build();
        return this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Starts a background action; {@code pairs} are src/dest relative paths (dest null for delete/restore). */
    String action(String name, String startFrom, String... pairs) throws Exception {
        StringBuilder urls = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            urls.append("<obj class=\"SrcDstParam\"><att id=\"src\"><val>").append(href(pairs[i]))
                .append("</val></att>");
            urls.append((pairs[i + 1] == null) ? "<att id=\"dest\" />"
                    : "<att id=\"dest\"><val>" + href(pairs[i + 1]) + "</val></att>");
            urls.append("</obj>");
        }
        String param = "<obj class=\"ActionResourcesParam\"><att id=\"urls\"><list>" + urls + "</list></att>"
                + (startFrom.isEmpty() ? "<att id=\"startFrom\" />" : "<att id=\"startFrom\">" + startFrom + "</att>")
                + "</obj>";
        HttpResponse<String> response = this.session.post("", PortalHttp.execute(name, param));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String ref = ((XmlText) PortalHttp.parse(response)).text();
        assertThat(ref).matches("servers/MainDB/bgTasks/[1-9][0-9]*");
        return ref;
    }

    XmlObj taskStatus(String ref) throws Exception {
        return ok(this.session.post("", PortalHttp.execute("getTaskStatus", "<val>" + ref + "</val>")));
    }

    /** Polls the task until it reaches an end state and returns it. */
    XmlObj awaitTask(String ref) {
        XmlObj[] last = new XmlObj[1];
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            last[0] = taskStatus(ref);
            String status = last[0].text("status").orElse("");
            return List.of("completed", "failed", "completed with warnings", "stopped", "disabled").contains(status);
        });
        return last[0];
    }

    XmlValue call(String name, String param) throws Exception {
        HttpResponse<String> response = this.session.post("", PortalHttp.execute(name, param));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PortalHttp.parse(response);
    }

    private String header() {
        return this.session.cookie().startsWith("Bearer ") ? "Authorization" : "Cookie";
    }

    private static XmlObj ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PortalHttp.parseObj(response);
    }

    private static String field(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
