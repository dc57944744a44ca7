package com.ctera.client.files;

import org.junit.jupiter.api.Test;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraQuotaException;
import com.ctera.client.CteraServerException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every in-band error code of protocol §3.2 becomes a typed exception naming the operation and the path. */
class InBandErrorsTest {

    @Test
    void resourceErrorCodes() {
        assertThat(InBandErrors.resourceError("files.makeCollection", "FileWithTheSameNameExist", "My Files/a"))
                .isInstanceOf(CteraConflictException.class).hasMessageContaining("files.makeCollection")
                .hasMessageContaining("'My Files/a'");
        assertThat(InBandErrors.resourceError("files.makeCollection", "DestinationNotExists", "x"))
                .isInstanceOf(CteraNotFoundException.class);
        assertThat(InBandErrors.resourceError("files.makeCollection", "PermissionDenied", "x"))
                .isInstanceOf(CteraAccessDeniedException.class);
        assertThat(InBandErrors.resourceError("files.makeCollection", "ReservedName", "x"))
                .isInstanceOf(CteraClientErrorException.class).hasMessageContaining("reserved");
        assertThat(InBandErrors.resourceError("files.makeCollection", "InvalidName", "x"))
                .isInstanceOf(CteraClientErrorException.class).hasMessageContaining("not allowed");
        assertThat(InBandErrors.resourceError("files.fetchResources", "SomethingNew", "x"))
                .isInstanceOf(CteraServerException.class).hasMessageContaining("SomethingNew");
        assertThat(InBandErrors.resourceError("files.makeCollection", "InvalidName", "x").status()).isEqualTo(200);
    }

    @Test
    void uploadMessages() {
        for (String quota : new String[] { "User is out of quota", "Portal is out of quota",
                "Folder is out of quota" }) {
            assertThat(InBandErrors.uploadError("files.upload", quota, "My Files/a.bin"))
                    .isInstanceOf(CteraQuotaException.class).hasMessageContaining(quota)
                    .hasMessageContaining("'My Files/a.bin'");
        }
        assertThat(InBandErrors.uploadError("files.upload", "Rejected by Cloud Drive policy rule", "a"))
                .isInstanceOf(CteraClientErrorException.class);
        assertThat(InBandErrors.uploadError("files.upload", "Illegal access to NTACL folder", "a"))
                .isInstanceOf(CteraAccessDeniedException.class);
        assertThat(InBandErrors.uploadError("files.upload", "No available storage location for folder", "a"))
                .isInstanceOf(CteraServerException.class);
    }

    @Test
    void namesWithForbiddenCharactersAreRefusedBeforeSending() {
        for (char forbidden : "\\/:?&<>\"|".toCharArray()) {
            assertThatThrownBy(() -> FileNames.requireValid("a" + forbidden + "b"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot contain");
        }
        assertThatThrownBy(() -> FileNames.requireValid(" ")).isInstanceOf(IllegalArgumentException.class);
        FileNames.requireValid("fine name (1).txt");
    }
}
