package com.ctera.client.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ctera.client.CteraOperation;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRequestTest {

    @Test
    void toStringNamesOperationMethodAndUriButNeverTheBody() {
        ApiRequest login = ApiRequest.form(CteraOperation.LOGIN, URI.create("https://p.test/admin/api/login"),
                Map.of("j_username", "admin", "j_password", "Very-Secret-1"));
        assertThat(login.toString()).isEqualTo("login POST https://p.test/admin/api/login");
        ApiRequest add = ApiRequest.post(CteraOperation.USERS_ADD, URI.create("https://p.test/admin/api/users"),
                "<att id=\"password\"><val>Very-Secret-1</val></att>".getBytes(StandardCharsets.UTF_8));
        assertThat(add.toString()).doesNotContain("Very-Secret-1");
    }
}
