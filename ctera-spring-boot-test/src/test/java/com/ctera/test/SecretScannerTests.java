package com.ctera.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The scanner that {@link SecretsScanTests} relies on finds a secret that was printed, and only then. */
@ExtendWith(OutputCaptureExtension.class)
class SecretScannerTests {

    private static final Logger logger = LoggerFactory.getLogger(SecretScannerTests.class);

    private final SecretScanner scanner = new SecretScanner().secret("password", "p@ss word!42")
        .secret("webhook secret", "whsec_c2Nhbm5lci10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5");

    @Test
    void findsASecretDeliberatelyLoggedAndPrinted(CapturedOutput output) {
        logger.warn("login with j_password={}", "p@ss word!42");
        System.err.println(new IllegalStateException("signed with c2Nhbm5lci10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5"));
        assertThat(this.scanner.scan("output", output.getAll())).hasSize(2)
            .anySatisfy(finding -> assertThat(finding).startsWith("password in output"))
            .anySatisfy(finding -> assertThat(finding).startsWith("webhook secret (key without prefix) in output"))
            .allSatisfy(finding -> assertThat(finding).doesNotContain("p@ss word!42", "c2Nhbm5lci10ZXN0"));
    }

    @Test
    void findsTheEncodedFormsAndCredentialsItWasNotToldAbout() {
        assertThat(this.scanner.scan("form", "j_username=admin&j_password=p%40ss+word%2142")).singleElement()
            .asString()
            .startsWith("password (form-encoded)");
        assertThat(this.scanner.scan("uri", "/login?pw=p%40ss%20word%2142")).singleElement()
            .asString()
            .startsWith("password (percent-encoded)");
        assertThat(this.scanner.scan("header", "Cookie: JSESSIONID=9F3A0C11D2E4B5A6978812AB34CD56EF")).hasSize(1);
        assertThat(this.scanner.scan("header", "Authorization: Bearer sim-0123456789abcdef0123456789abcdef"))
            .isNotEmpty();
    }

    @Test
    void passesMaskedSecretsAndOrdinaryText() {
        assertThat(this.scanner.scan("masked", """
                password=****, secret=whsec_******, Cookie: JSESSIONID=****
                Authorization: Bearer ****
                GET /users?limit=5 200
                """)).isEmpty();
    }

    @Test
    void refusesASecretTooShortToSearchFor() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretScanner().secret("pin", "1234"))
            .withMessageContaining("'pin'")
            .withMessageNotContaining("1234");
    }
}
