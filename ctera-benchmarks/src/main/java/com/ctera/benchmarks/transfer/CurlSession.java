package com.ctera.benchmarks.transfer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: {@code curl} logged in with a session cookie of its own, moving files to and from the same simulator
 * endpoints as the client (the §5.4.4 multipart form, in the same field order, and a GET of the webdav URL).
 * A transfer's time is curl's own {@code time_total}, which leaves out starting the process.
 */
final class CurlSession {

    private static final long TIMEOUT_SECONDS = 600;

    private final URI baseUrl;

    private final Path cookieJar;

    private CurlSession(URI baseUrl, Path cookieJar) {
        this.baseUrl = baseUrl;
        this.cookieJar = cookieJar;
    }

    /**
     * Logs in to the services portal; the password is passed on curl's standard input, never on its command line.
     * @throws IllegalStateException when curl fails or the portal sets no session cookie
     */
    static CurlSession login(URI baseUrl, String username, String password, Path workDirectory)
            throws IOException, InterruptedException {
        Path cookieJar = workDirectory.resolve("curl-cookies.txt");
        Path form = workDirectory.resolve("curl-login.txt");
        Files.writeString(form, "j_username=" + username + "&j_password=" + password, StandardCharsets.UTF_8);
        try {
            run(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-c", cookieJar.toString(),
                    "--data-binary", "@" + form, baseUrl + "/ServicesPortal/api/login"));
        }
        finally {
            Files.deleteIfExists(form);
        }
        if (!Files.readString(cookieJar, StandardCharsets.UTF_8).contains("JSESSIONID")) {
            throw new IllegalStateException("curl's login to " + baseUrl + " set no JSESSIONID cookie");
        }
        return new CurlSession(baseUrl, cookieJar);
    }

    /** Uploads {@code file} as {@code My Files/<folder>/<name>}; curl's time in seconds. */
    double upload(Path file, long cloudFolderUid, String folder, String name) throws IOException, InterruptedException {
        String webdav = this.baseUrl + "/ServicesPortal/webdav/My%20Files/" + folder + "/" + name;
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null",
                "-w", "%{http_code} %{time_total}", "-b", this.cookieJar.toString(), "-H", "Expect:",
                "-F", "name=" + name, "-F", "Filename=" + name, "-F", "fullpath=" + webdav,
                "-F", "fileSize=" + Files.size(file),
                "-F", "file=@" + file + ";filename=" + name + ";type=application/octet-stream",
                this.baseUrl + "/ServicesPortal/upload/folders/" + cloudFolderUid));
        return seconds(run(command), "upload of " + name);
    }

    /** Downloads {@code My Files/<folder>/<name>} into {@code target}; curl's time in seconds. */
    double download(String folder, String name, Path target) throws IOException, InterruptedException {
        String url = this.baseUrl + "/ServicesPortal/webdav/My%20Files/" + folder + "/" + name;
        return seconds(run(List.of("curl", "-sS", "-o", target.toString(), "-w", "%{http_code} %{time_total}",
                "-b", this.cookieJar.toString(), url)), "download of " + name);
    }

    private static double seconds(String output, String what) {
        String[] parts = output.trim().split(" ");
        if (parts.length != 2 || !"200".equals(parts[0])) {
            throw new IllegalStateException("curl's " + what + " answered '" + output.trim() + "', expected 200");
        }
        return Double.parseDouble(parts[1]);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("curl took longer than " + TIMEOUT_SECONDS + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("curl exited with " + process.exitValue() + ": " + text.trim());
        }
        return text;
    }
}
