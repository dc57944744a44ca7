package com.ctera.client.users;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.ctera.client.protocol.MalformedXmlException;
import com.ctera.client.protocol.XmlObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserTypesTest {

    private static NewUser.Builder newUser() {
        return NewUser.builder("carol").email("carol@acme.test").fullName("Carol", "Jones").password("Pa55-word!");
    }

    @Test
    void newUserToStringMasksThePassword() {
        assertThat(newUser().build().toString()).contains("carol").doesNotContain("Pa55-word!");
        assertThat(UserUpdate.builder().password("N3w-secret").email("x@y.z").build().toString())
                .contains("x@y.z").doesNotContain("N3w-secret");
    }

    @Test
    void newUserNamesTheMissingField() {
        assertThatIllegalArgumentException().isThrownBy(() -> NewUser.builder("carol").password("p").build())
                .withMessageContaining("email");
        assertThatIllegalArgumentException().isThrownBy(() -> newUser().fullName(" ", "Jones").build())
                .withMessageContaining("firstName");
    }

    @Test
    void wireObjectFollowsTheSdkAndDatesPasswordChangeYesterday() {
        UserMapper mapper = new UserMapper(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
        XmlObject wire = mapper.toWire(newUser().role(UserRole.COMPLIANCE_OFFICER).requirePasswordChange(true)
                .build());
        assertThat(wire.className()).isEqualTo("PortalUser");
        assertThat(wire.attributes().keySet()).containsExactly("name", "email", "firstName", "lastName",
                "password", "role", "company", "comment", "requirePasswordChangeOn");
        assertThat(wire.text("role")).isEqualTo("ComplianceOffer");
        assertThat(wire.isNull("company")).isTrue();
        assertThat(wire.text("requirePasswordChangeOn")).isEqualTo("2026-11-25");
        assertThat(mapper.toWire(newUser().build()).has("requirePasswordChangeOn")).isFalse();
    }

    @Test
    void readsAUserKeepingTextAsSentAndParsingOnlyTheUid() {
        XmlObject wire = XmlObject.builder("PortalUser").put("name", "007").put("uid", "55")
                .put("email", "a@b.c").put("role", "ReadWriteAdmin").putNull("comment").build();
        PortalUser user = UserMapper.toUser(wire);
        assertThat(user.name()).isEqualTo("007");
        assertThat(user.uid()).isEqualTo(55L);
        assertThat(user.comment()).isNull();
        assertThat(user.knownRole()).contains(UserRole.READ_WRITE_ADMIN);
        assertThatThrownBy(() -> UserMapper.toUser(XmlObject.builder().put("name", "x").put("uid", "5a").build()))
                .isInstanceOf(MalformedXmlException.class);
        assertThatThrownBy(() -> UserMapper.toUser(XmlObject.builder().putNull("name").build()))
                .isInstanceOf(MalformedXmlException.class);
    }

    @Test
    void queryDefaultsToOrAcrossSeveralConditionsAsTheSdkDoes() {
        UserQuery single = UserQuery.builder().emailLike("acme").build();
        assertThat(single.matchAny()).isFalse();
        UserQuery several = UserQuery.builder().emailLike("acme").role(UserRole.END_USER).build();
        assertThat(several.matchAny()).isTrue();
        assertThat(UserQuery.builder().emailLike("a").role(UserRole.END_USER).and().build().matchAny()).isFalse();
        assertThat(UserQuery.builder().include("email").build().fields()).containsExactly("email", "name");
        assertThatIllegalArgumentException().isThrownBy(() -> UserQuery.builder().pageSize(0))
                .withMessageContaining("pageSize");
        assertThatIllegalArgumentException().isThrownBy(() -> UserQuery.builder().where("name", "contains", "x"))
                .withMessageContaining("restriction");
    }

    @Test
    void rolesUseTheWireSpelling() {
        assertThat(UserRole.fromWireValue("ComplianceOffer")).contains(UserRole.COMPLIANCE_OFFICER);
        assertThat(UserRole.fromWireValue("Mystery")).isEmpty();
    }
}
