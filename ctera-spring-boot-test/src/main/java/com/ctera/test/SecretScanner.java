package com.ctera.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Searches text for known secrets, in every form they could be written in, and for session cookies and bearer tokens
 * it was not told about. A secret of fewer than {@link #MIN_LENGTH} characters is refused: it would match ordinary
 * words and the scan would prove nothing.
 */
public final class SecretScanner {

    /** The shortest secret accepted. */
    public static final int MIN_LENGTH = 6;

    // A cookie or token the test never learnt (a session opened and invalidated between two looks) still has a
    // recognisable shape; a masked one ("****", "******") does not match.
    private static final Pattern UNKNOWN_CREDENTIAL = Pattern
        .compile("(?i)(JSESSIONID=[0-9a-f]{16,}|Bearer\\s+[A-Za-z0-9._~+/-]{12,}|sim-[0-9a-f]{24,})");

    private final Map<String, String> forms = new LinkedHashMap<>();

    /** Adds a secret, known by a label that the findings name (never the value). */
    public SecretScanner secret(String label, String value) {
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("secret '" + label + "' is shorter than " + MIN_LENGTH + " characters");
        }
        this.forms.put(value, label);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        this.forms.putIfAbsent(encoded, label + " (form-encoded)");
        this.forms.putIfAbsent(encoded.replace("+", "%20"), label + " (percent-encoded)");
        // A webhook secret's key may be printed without its prefix.
        if (value.startsWith("whsec_")) {
            this.forms.putIfAbsent(value.substring("whsec_".length()), label + " (key without prefix)");
        }
        return this;
    }

    /** How many distinct secrets are searched for. */
    public int size() {
        return (int) this.forms.values().stream().filter(label -> !label.contains("(")).count();
    }

    /** Each secret found in the text, as "label in source: line", empty when there is none. */
    public List<String> scan(String source, String text) {
        List<String> findings = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (Map.Entry<String, String> form : this.forms.entrySet()) {
                if (line.contains(form.getKey())) {
                    findings.add(form.getValue() + " in " + source + " line " + (i + 1) + ": " + excerpt(line));
                }
            }
            Matcher unknown = UNKNOWN_CREDENTIAL.matcher(line);
            while (unknown.find()) {
                findings.add("credential-shaped text '" + mask(unknown.group()) + "' in " + source + " line " + (i + 1)
                        + ": " + excerpt(line));
            }
        }
        return findings;
    }

    // The report names where a secret was, without repeating it whole in the test's own output.
    private String excerpt(String line) {
        String shown = line;
        for (String value : this.forms.keySet()) {
            shown = shown.replace(value, mask(value));
        }
        Matcher unknown = UNKNOWN_CREDENTIAL.matcher(shown);
        StringBuilder masked = new StringBuilder();
        while (unknown.find()) {
            unknown.appendReplacement(masked, Matcher.quoteReplacement(mask(unknown.group())));
        }
        unknown.appendTail(masked);
        shown = masked.toString();
        return (shown.length() > 300) ? shown.substring(0, 300) + "..." : shown;
    }

    private static String mask(String value) {
        return value.substring(0, Math.min(4, value.length())) + "<...>";
    }
}
