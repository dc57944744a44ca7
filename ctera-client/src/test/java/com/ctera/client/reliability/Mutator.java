package com.ctera.client.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded mutations of valid documents for the fuzz tests: truncation, flipped and inserted bytes, spliced fragments
 * that parsers find hard (DOCTYPEs, entities, CDATA, control characters, deep nesting), so that each run of a fuzz
 * test sees the same inputs and a failure can be reproduced from its case number.
 */
final class Mutator {

    private static final String[] FRAGMENTS = { "<obj>", "</obj>", "<att id=\"x\">", "</att>", "<list>", "</list>",
        "<val>", "</val>", "<val/>", "<obj class=\"", "\" uuid=\"", "<!DOCTYPE obj [<!ENTITY e \"x\">]>",
        "<!DOCTYPE obj [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/\"> %p;]>", "&e;", "&amp;", "&#0;", "&#x1F600;",
        "&#xD800;", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>", "<?pi x?>", "\u0000", "\u0007",
        "\uFFFE", "\uD83D", "é", "{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999999", "-0",
        "\"\\ud800\"", "\\u0000" };

    private final SplittableRandom random;

    Mutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    SplittableRandom random() {
        return this.random;
    }

    /** One to four mutations of {@code valid}. */
    byte[] mutate(byte[] valid) {
        byte[] bytes = valid;
        int rounds = 1 + this.random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            bytes = mutateOnce(bytes);
        }
        return bytes;
    }

    private byte[] mutateOnce(byte[] bytes) {
        int at = (bytes.length == 0) ? 0 : this.random.nextInt(bytes.length + 1);
        switch (this.random.nextInt(7)) {
            case 0:
                return java.util.Arrays.copyOf(bytes, at);
            case 1:
                if (bytes.length > 0) {
                    byte[] flipped = bytes.clone();
                    flipped[Math.min(at, bytes.length - 1)] ^= (byte) (1 << this.random.nextInt(8));
                    return flipped;
                }
                return bytes;
            case 2:
                return insert(bytes, at, FRAGMENTS[this.random.nextInt(FRAGMENTS.length)]
                    .getBytes(StandardCharsets.UTF_8));
            case 3:
                byte[] noise = new byte[1 + this.random.nextInt(16)];
                this.random.nextBytes(noise);
                return insert(bytes, at, noise);
            case 4:
                int depth = 1 + this.random.nextInt(2000);
                String open = this.random.nextBoolean() ? "<list>" : "[";
                return insert(bytes, at, open.repeat(depth).getBytes(StandardCharsets.UTF_8));
            case 5:
                int from = (bytes.length == 0) ? 0 : this.random.nextInt(bytes.length);
                int to = Math.min(bytes.length, from + this.random.nextInt(64));
                return insert(bytes, at, java.util.Arrays.copyOfRange(bytes, from, to));
            default:
                return insert(bytes, at, "x".repeat(this.random.nextInt(20_000)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
