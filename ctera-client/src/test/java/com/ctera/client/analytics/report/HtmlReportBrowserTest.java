package com.ctera.client.analytics.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ctera.client.analytics.CapacityForecast;
import com.ctera.client.analytics.DailyUsage;
import com.ctera.client.analytics.StorageTrendsAnalytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML export in a real headless browser (Debian's {@code chromium}, which {@code .ci/run} installs): every
 * request the browser makes goes through a recording proxy, so a request leaving the page would be seen. The
 * browser's own background calls (updates, time) carry no referrer from the page and are not the page's.
 */
class HtmlReportBrowserTest {

    private static final String PAGE_URL = "http://report.invalid/report.html";

    private static String chromium;

    @TempDir
    Path work;

    @BeforeAll
    static void findBrowser() {
        chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
            .filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse(null);
        assumeTrue(chromium != null, "Headless browser test skipped: install Debian's chromium "
                + "(apt-get install chromium); .ci/run installs it in CI");
    }

    @Test
    void theForecastPageRendersItsChartWithoutAnyRequestLeavingIt() throws Exception {
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        CapacityForecast forecast = StorageTrendsAnalytics.forecast(series(), 30, 0.95, null);
        ReportBuilder.titled("Storage forecast").source(ReportSources.forecast(forecast))
            .chart(ReportSources.FORECAST_CHART).build().export(ReportFormat.HTML, html);
        try (RecordingProxy proxy = new RecordingProxy(html.toByteArray())) {
            BufferedImage screenshot = render(proxy);
            assertThat(proxy.requests()).containsExactly("GET " + PAGE_URL);
            // The used and predicted lines in their colours, and the interval's shaded band.
            assertThat(pixels(screenshot, 0x0072B2)).isGreaterThan(400);
            assertThat(pixels(screenshot, 0xD55E00)).isGreaterThan(200);
        }
    }

    @Test
    void theProxySeesARequestThatLeavesAPage() throws Exception {
        byte[] leaky = ("<!DOCTYPE html><html><body><img src=\"http://elsewhere.invalid/pixel.png\">"
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        try (RecordingProxy proxy = new RecordingProxy(leaky)) {
            render(proxy);
            assertThat(proxy.requests()).contains("GET http://elsewhere.invalid/pixel.png");
        }
    }

    private BufferedImage render(RecordingProxy proxy) throws Exception {
        Path png = this.work.resolve("page.png");
        Files.deleteIfExists(png);
        Process browser = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--hide-scrollbars",
                "--user-data-dir=" + this.work.resolve("profile"),
                "--proxy-server=http://127.0.0.1:" + proxy.port(), "--proxy-bypass-list=<-loopback>",
                "--window-size=1000,1000", "--screenshot=" + png, PAGE_URL)
            .redirectErrorStream(true).redirectOutput(this.work.resolve("chromium.log").toFile()).start();
        boolean exited = browser.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            browser.destroyForcibly();
        }
        assertThat(exited).as("chromium finished within 60 s").isTrue();
        assertThat(png).as("screenshot; chromium said: %s", Files.readString(this.work.resolve("chromium.log")))
            .exists();
        return ImageIO.read(png.toFile());
    }

    private static long pixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y) & 0xFFFFFF;
                if (close(pixel >> 16, rgb >> 16) && close((pixel >> 8) & 0xFF, (rgb >> 8) & 0xFF)
                        && close(pixel & 0xFF, rgb & 0xFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean close(int a, int b) {
        return Math.abs((a & 0xFF) - (b & 0xFF)) <= 24;
    }

    private static List<DailyUsage> series() {
        Random random = new Random(3);
        List<DailyUsage> days = new ArrayList<>();
        for (int day = 0; day < 60; day++) {
            days.add(new DailyUsage(LocalDate.of(2026, 9, 1).plusDays(day),
                    Math.round(4e11 + 2e9 * day + 6e9 * random.nextGaussian()), null, null, 1));
        }
        return days;
    }

    /** An HTTP proxy on loopback that records each request line and answers the page, or 404 for anything else. */
    private static final class RecordingProxy implements AutoCloseable {

        private final ServerSocket server;

        private final List<String> requests = new CopyOnWriteArrayList<>();

        private final Thread acceptor;

        RecordingProxy(byte[] page) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.acceptor = new Thread(() -> {
                while (!this.server.isClosed()) {
                    try (Socket socket = this.server.accept()) {
                        socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
                        String head = head(socket.getInputStream());
                        if (head.isEmpty()) {
                            continue;
                        }
                        String[] parts = head.substring(0, head.indexOf("\r\n")).split(" ");
                        boolean fromPage = parts[1].startsWith("http://report.invalid/")
                                || head.toLowerCase(java.util.Locale.ROOT).contains("\r\nreferer: http://report.invalid");
                        if (fromPage) {
                            this.requests.add(parts[0] + " " + parts[1]);
                        }
                        boolean thePage = parts[1].equals(PAGE_URL);
                        byte[] body = thePage ? page : new byte[0];
                        OutputStream out = socket.getOutputStream();
                        out.write(((thePage ? "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                                : "HTTP/1.1 404 Not Found\r\n") + "Content-Length: " + body.length
                                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.flush();
                    }
                    catch (IOException ex) {
                        // the socket closed or the browser hung up; the next connection is served
                    }
                }
            }, "recording-proxy");
            this.acceptor.setDaemon(true);
            this.acceptor.start();
        }

        private static String head(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                head.append((char) b);
                if (head.toString().endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return (head.indexOf("\r\n") > 0) ? head.toString() : "";
        }

        int port() {
            return this.server.getLocalPort();
        }

        /** The requests of the page: its own address, or any with the page as referrer. */
        List<String> requests() {
            return List.copyOf(this.requests);
        }

        @Override
        public void close() throws IOException {
            this.server.close();
        }
    }
}
