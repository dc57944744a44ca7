package com.ctera.autoconfigure.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client package never depends on the resilience package (the resilience package builds its stages from the
 * settings the client package resolved), and both show only the types that users or other packages use. Read from
 * the compiled classes' constant pools, so a reference through a field type, a signature or a lambda counts as much
 * as an import.
 */
class PackageLayoutTests {

    private static final String CLIENT = "com/ctera/autoconfigure/client/";

    private static final String RESILIENCE = "com/ctera/autoconfigure/resilience/";

    @Test
    void theClientPackageNeverReferencesTheResiliencePackage() throws IOException {
        assertThat(referencesFrom(CLIENT, RESILIENCE)).isEmpty();
    }

    @Test
    void theScanSeesTheOtherDirection() throws IOException {
        // Proves the constant-pool scan finds references at all, so the empty result above means something.
        assertThat(referencesFrom(RESILIENCE, CLIENT)).contains(
                "com.ctera.autoconfigure.resilience.CteraResilience -> com.ctera.autoconfigure.client.CteraPortalDefinitions");
    }

    @Test
    void onlyTypesUsedOutsideTheirPackageArePublic() throws IOException {
        assertThat(publicTypes(CLIENT)).containsExactlyInAnyOrder("CircuitBreakerProperties",
                "CteraClientAutoConfiguration", "CteraPortalBuilderCustomizer", "CteraPortalDefinitions", "CteraPortals",
                "CteraProperties", "CteraRateLimitProperties", "EmbeddedPortalSettings", "LimitProperties",
                "LimitSettings", "PortalProperties", "PortalProperties$Limits", "PortalProperties$Ssl",
                "PortalProperties$Timeouts", "RateLimitProperties", "ResilienceSettings", "RetryProperties",
                "RetryProperties$Budget", "SharedLimitProperties", "SharedStoreSettings");
        assertThat(publicTypes(RESILIENCE)).containsExactlyInAnyOrder("CteraResilience",
                "CteraResilienceAutoConfiguration", "CteraRetryPredicate", "PortalResilienceListener");
    }

    private static Set<String> publicTypes(String pkg) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : classFiles(pkg)) {
            String name = (pkg + file.getFileName().toString()).replace(".class", "").replace('/', '.');
            try {
                Class<?> type = Class.forName(name, false, PackageLayoutTests.class.getClassLoader());
                if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass() && !type.isSynthetic()
                        && !name.endsWith("package-info")) {
                    names.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
            catch (ClassNotFoundException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return names;
    }

    /** "from -> to" for every class of {@code from} whose constant pool names a class of {@code to}. */
    private static List<String> referencesFrom(String from, String to) throws IOException {
        List<String> references = new ArrayList<>();
        for (Path file : classFiles(from)) {
            String self = from + file.getFileName().toString().replace(".class", "");
            try (InputStream in = Files.newInputStream(file)) {
                for (String text : constantPoolTexts(in)) {
                    for (int at = text.indexOf(to); at >= 0; at = text.indexOf(to, at + 1)) {
                        int end = at + to.length();
                        while (end < text.length() && (Character.isJavaIdentifierPart(text.charAt(end)))) {
                            end++;
                        }
                        String target = text.substring(at, end);
                        if (!target.equals(to)) {
                            references.add(self.replace('/', '.') + " -> " + target.replace('/', '.'));
                        }
                    }
                }
            }
        }
        return references;
    }

    private static List<Path> classFiles(String pkg) throws IOException {
        Path root;
        try {
            root = Path.of(CteraClientAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
        Path dir = root.resolve(pkg);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> classes = files.filter((file) -> file.toString().endsWith(".class")).sorted().toList();
            assertThat(classes).as("compiled classes in " + dir).isNotEmpty();
            return classes;
        }
    }

    /** Every UTF-8 constant of a class file: class names, descriptors and signatures among them (JVMS §4.4). */
    private static List<String> constantPoolTexts(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return texts;
    }
}
